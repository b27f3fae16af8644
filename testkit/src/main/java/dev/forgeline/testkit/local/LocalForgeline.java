package dev.forgeline.testkit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.forgeline.testkit.KafkaServers;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.PostgresServers;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.ServiceProcess;

/**
 * Forgeline on this machine without Docker: Kafka and PostgreSQL from the testkit, and the three services' built
 * jars as processes. Used by {@code ./forgeline} and by the end-to-end tests.
 */
public final class LocalForgeline implements AutoCloseable {
    public static final String ORCHESTRATOR = "orchestrator-service";
    public static final String WORKER = "generator-worker";
    public static final String VALIDATOR = "validation-service";
    // Generous: on a shared 2-core machine under load a service has taken over 2 min to start.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final String DATABASE = "forgeline";
    // C1 only: on 2 shared cores, C2's compile work delays the first runs more than its faster code wins back.
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** The orchestrator's bootstrap admin key (docs/operations.md, "Keys"). */
    public static final String ADMIN_KEY_ENV = "FORGELINE_ADMIN_KEY";
    /** The gateway refuses a bootstrap admin key shorter than this. */
    public static final int MIN_ADMIN_KEY_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String bootstrapServers;
    private final List<URI> apiBases;
    private final List<Service> processes;
    private final String adminKey;

    /** A started service process, the HTTP port it listens on, and how it was launched (for a restart). */
    /** The Quarkus profile the services run with here: the base settings, none of {@code %prod}. */
    public static final String LOCAL_PROFILE = "local";

    public record Service(String name, String module, int port, Map<String, String> env, Path logDir,
            ServiceProcess process) {
        void awaitReady() {
            process.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), START_TIMEOUT);
        }
    }

    private LocalForgeline(String bootstrapServers, List<URI> apiBases, List<Service> processes, String adminKey) {
        this.bootstrapServers = bootstrapServers;
        this.apiBases = List.copyOf(apiBases);
        this.processes = processes;
        // A driver that dies of an exception or a signal must not leave the services running.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "local-forgeline-shutdown"));
        this.adminKey = adminKey;
    }

    /** A new API key in Forgeline's format: {@code flk_} and 32 random bytes, base64url without padding. */
    public static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "flk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * The admin key the stack starts with: the options' {@code FORGELINE_ADMIN_KEY}, else this process's environment
     * variable, else a new one. Too short a key is refused here, naming the variable, before anything starts.
     */
    static String adminKey(StackOptions options) {
        String key = options.perService.getOrDefault(ORCHESTRATOR, Map.of()).get(ADMIN_KEY_ENV);
        if (key == null) {
            key = options.common.get(ADMIN_KEY_ENV);
        }
        if (key == null) {
            key = System.getenv(ADMIN_KEY_ENV);
        }
        if (key == null || key.isBlank()) {
            return newKey();
        }
        if (key.strip().length() < MIN_ADMIN_KEY_LENGTH || !key.equals(key.strip())) {
            throw new IllegalArgumentException(ADMIN_KEY_ENV + " must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters with no surrounding spaces (it is " + key.length() + " long)");
        }
        return key;
    }

    /** Starts Kafka, PostgreSQL (a fresh database unless one is configured) and the services; waits until ready. */
    public static LocalForgeline start(StackOptions options) {
        String adminKey = adminKey(options);
        Path root = ProjectRoot.find();
        Path logDir = options.logDir != null ? options.logDir : root.resolve(".forgeline/logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logDir, e);
        }
        String bootstrap = options.bootstrapServers != null ? options.bootstrapServers
                : KafkaServers.get().bootstrapServers();
        var postgres = options.postgres != null ? options.postgres : PostgresServers.get();
        String database = System.getenv("FORGELINE_DB_JDBC_URL") != null ? DATABASE
                : DATABASE + "_" + Long.toHexString(System.nanoTime());
        postgres.createDatabase(database);

        Map<String, String> common = new HashMap<>();
        // The jars default to %prod (JSON logs, replication 3, credentials required); this stack is one machine.
        common.put("QUARKUS_PROFILE", LOCAL_PROFILE);
        common.putAll(options.common);
        // The admin key goes to the orchestrators alone: the other services have no use for it.
        common.remove(ADMIN_KEY_ENV);
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        List<Service> started = new ArrayList<>();
        try {
            List<Service> orchestrators = new ArrayList<>();
            List<URI> apiBases = new ArrayList<>();
            for (int i = 1; i <= options.orchestrators; i++) {
                int port = i == 1 ? options.httpPort : Ports.freePort();
                Map<String, String> orchestratorEnv = new HashMap<>(common);
                orchestratorEnv.put("FORGELINE_HTTP_PORT", String.valueOf(port));
                orchestratorEnv.put("FORGELINE_DB_JDBC_URL", postgres.jdbcUrl(database));
                orchestratorEnv.put("FORGELINE_DB_REACTIVE_URL", postgres.reactiveUrl(database));
                orchestratorEnv.put("FORGELINE_DB_USERNAME", postgres.username());
                orchestratorEnv.put("FORGELINE_DB_PASSWORD", postgres.password());
                orchestratorEnv.put("FORGELINE_ORCHESTRATOR_SOURCE", "forgeline/orchestrator-service/" + i);
                orchestratorEnv.putAll(options.perService.getOrDefault(ORCHESTRATOR, Map.of()));
                orchestratorEnv.put(ADMIN_KEY_ENV, adminKey);
                orchestrators.add(launch(root, ORCHESTRATOR, options.orchestrators == 1 ? ORCHESTRATOR
                        : ORCHESTRATOR + "-" + i, orchestratorEnv, port, logDir, started));
                apiBases.add(URI.create("http://127.0.0.1:" + port));
                if (i == 1) {
                    // The first instance runs the Flyway migration alone; the others start once it is done.
                    orchestrators.get(0).awaitReady();
                }
            }

            List<Service> others = new ArrayList<>();
            for (int i = 1; i <= options.workers; i++) {
                Map<String, String> env = new HashMap<>(common);
                env.put("FORGELINE_WORKER_ID", "worker-" + i);
                env.putAll(options.perService.getOrDefault(WORKER, Map.of()));
                others.add(launch(root, WORKER, options.workers == 1 ? WORKER : WORKER + "-" + i, env,
                        Ports.freePort(), logDir, started));
            }
            for (int i = 1; i <= options.validators; i++) {
                Map<String, String> validatorEnv = new HashMap<>(common);
                validatorEnv.putAll(options.perService.getOrDefault(VALIDATOR, Map.of()));
                others.add(launch(root, VALIDATOR, options.validators == 1 ? VALIDATOR : VALIDATOR + "-" + i,
                        validatorEnv, Ports.freePort(), logDir, started));
            }

            orchestrators.forEach(Service::awaitReady);
            others.forEach(Service::awaitReady);
            return new LocalForgeline(bootstrap, apiBases, started, adminKey);
        } catch (RuntimeException e) {
            started.forEach(s -> s.process().stop());
            throw e;
        }
    }

    private static Service launch(Path root, String module, String name, Map<String, String> env, int port,
            Path logDir, List<Service> started) {
        return launch(root, module, name, env, port, logDir, name + ".log", started);
    }

    private static Service launch(Path root, String module, String name, Map<String, String> env, int port,
            Path logDir, String logName, List<Service> started) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        Map<String, String> withPort = new HashMap<>(env);
        withPort.putIfAbsent("QUARKUS_HTTP_PORT", String.valueOf(port));
        ServiceProcess process = ServiceProcess.start(name, jar, withPort, serviceJvmOptions(),
                logDir.resolve(logName));
        Service service = new Service(name, module, port, Map.copyOf(env), logDir, process);
        started.add(service);
        return service;
    }

    /** {@code FORGELINE_SERVICE_JVM_OPTS} if set, else the local defaults. */
    static List<String> serviceJvmOptions() {
        String custom = System.getenv("FORGELINE_SERVICE_JVM_OPTS");
        if (custom != null && !custom.isBlank()) {
            return List.of(custom.trim().split("\\s+"));
        }
        return DEFAULT_JVM_OPTIONS;
    }

    /** Kills a service at once (SIGKILL), as a crash would. */
    public void kill(String name) {
        service(name).process().kill();
    }

    /** Stops a service gracefully (SIGTERM, then a kill after the grace), as a rolling restart would. */
    public void stop(String name) {
        service(name).process().stop();
    }

    /** Starts a stopped or killed service again with the same settings and port; waits until it is ready. */
    public Service restart(String name) {
        return restart(name, Map.of());
    }

    /** Like {@link #restart(String)}, with some environment variables changed; an empty value removes one. */
    public Service restart(String name, Map<String, String> envChanges) {
        Service old = service(name);
        old.process().stop();
        Map<String, String> env = new HashMap<>(old.env());
        envChanges.forEach((key, value) -> {
            if (value.isEmpty()) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        List<Service> fresh = new ArrayList<>();
        Service started = launch(ProjectRoot.find(), old.module(), name, env, old.port(), old.logDir(),
                restartLogName(old.logDir(), name), fresh);
        processes.set(processes.indexOf(old), started);
        started.awaitReady();
        return started;
    }

    /** {@code name-2.log}, {@code name-3.log}, …: a restarted instance keeps the earlier instance's log. */
    private static String restartLogName(Path logDir, String name) {
        String candidate = name + "-2.log";
        for (int i = 2; Files.exists(logDir.resolve(candidate)) && i < 100; i++) {
            candidate = name + "-" + i + ".log";
        }
        return candidate;
    }

    /** The bootstrap admin key every orchestrator instance accepts (role admin, tenant {@code admin}). */
    public String adminKey() {
        return adminKey;
    }

    /** A client of the first orchestrator that authenticates with the admin key. */
    public ApiClient adminApi() {
        return new ApiClient(apiBase(), adminKey);
    }

    /** The first orchestrator's base URI. */
    public URI apiBase() {
        return apiBases.get(0);
    }

    /** Every orchestrator instance's base URI. */
    public List<URI> apiBases() {
        return apiBases;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public List<Service> services() {
        return List.copyOf(processes);
    }

    public Service service(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Stops the services (SIGTERM, then kill); the shared Kafka and PostgreSQL stop with the JVM. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).process().stop();
        }
    }
}
