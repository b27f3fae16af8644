package dev.forgeline.testkit.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.forgeline.testkit.PostgresEndpoint;

/** How to start a local Forgeline: the orchestrator's port, where logs go, and extra settings per service. */
public final class StackOptions {
    int httpPort = 8080;
    Path logDir;
    int workers = 1;
    int orchestrators = 1;
    int validators = 1;
    String bootstrapServers;
    PostgresEndpoint postgres;
    final Map<String, String> common = new HashMap<>();
    final Map<String, Map<String, String>> perService = new HashMap<>();

    public static StackOptions defaults() {
        return new StackOptions();
    }

    public StackOptions httpPort(int port) {
        this.httpPort = port;
        return this;
    }

    /** Where the service logs go (null: {@code .forgeline/logs}). */
    public Path logDir() {
        return logDir;
    }

    public StackOptions logDir(Path dir) {
        this.logDir = dir;
        return this;
    }

    public StackOptions workers(int count) {
        this.workers = count;
        return this;
    }

    /** Orchestrator instances sharing the database and the consumer group (the first listens on httpPort). */
    public StackOptions orchestrators(int count) {
        this.orchestrators = count;
        return this;
    }

    /** Validation-service instances in one consumer group. */
    public StackOptions validators(int count) {
        this.validators = count;
        return this;
    }

    /** This Kafka instead of the JVM-wide one (a broker process or cluster the caller stops and starts). */
    public StackOptions bootstrapServers(String servers) {
        this.bootstrapServers = servers;
        return this;
    }

    /** This PostgreSQL instead of the JVM-wide one (a fresh database is still created on it). */
    public StackOptions postgres(PostgresEndpoint endpoint) {
        this.postgres = endpoint;
        return this;
    }

    /** An environment variable for every service. */
    public StackOptions env(String name, String value) {
        common.put(name, value);
        return this;
    }

    /**
     * The orchestrator's per-tenant quotas ({@code FORGELINE_QUOTA_RUNS_IN_FLIGHT},
     * {@code FORGELINE_QUOTA_SUBMISSIONS_PER_MINUTE}); without this the service's defaults apply. For tests and
     * benchmarks that submit more runs at once than a tenant may.
     */
    public StackOptions quotas(int runsInFlight, int submissionsPerMinute) {
        env(LocalForgeline.ORCHESTRATOR, "FORGELINE_QUOTA_RUNS_IN_FLIGHT", String.valueOf(runsInFlight));
        return env(LocalForgeline.ORCHESTRATOR, "FORGELINE_QUOTA_SUBMISSIONS_PER_MINUTE",
                String.valueOf(submissionsPerMinute));
    }

    /** The orchestrator's bootstrap admin key ({@code FORGELINE_ADMIN_KEY}); without it one is generated. */
    public StackOptions adminKey(String key) {
        return env(LocalForgeline.ORCHESTRATOR, LocalForgeline.ADMIN_KEY_ENV, key);
    }

    /** An environment variable for one service ({@link LocalForgeline#ORCHESTRATOR}, …). */
    public StackOptions env(String service, String name, String value) {
        perService.computeIfAbsent(service, s -> new HashMap<>()).put(name, value);
        return this;
    }
}
