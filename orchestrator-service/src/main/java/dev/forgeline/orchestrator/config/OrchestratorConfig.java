package dev.forgeline.orchestrator.config;

import java.time.Duration;

import dev.forgeline.orchestrator.outbox.OutboxRelay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Orchestrator settings (DESIGN §4): attempts, backoff, lease, deadline, outbox and sweeps. Defaults work locally. */
@ConfigMapping(prefix = "forgeline.orchestrator")
public interface OrchestratorConfig {
    /** Attempts per module before it is FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Backoff before the second attempt; doubles for each further attempt (3 s, 6 s, 12 s). */
    @WithDefault("3s")
    Duration initialBackoff();

    @WithDefault("2")
    double backoffMultiplier();

    /** A dispatched module with no result after this long is re-dispatched as a new attempt. */
    @WithDefault("2m")
    Duration moduleLease();

    /** A run not terminal after this long is TIMED_OUT. */
    @WithDefault("5m")
    Duration runDeadline();

    /** Outbox records still unpublished after this long are published by the sweep (crash recovery). */
    @WithDefault("5s")
    Duration outboxSweepAge();

    /**
     * A fault to inject in the outbox relay, for crash tests run as processes: {@code SKIP_PUBLISH_AFTER_COMMIT}
     * leaves every committed record to the sweep, as a crash between commit and publish would. {@code NONE} in use.
     */
    @WithDefault("NONE")
    OutboxRelay.FaultPoint faultPoint();

    /** How often the safety-net sweep runs (outbox leftovers, lost timers, deadlines). */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Finished runs older than this are deleted with their modules, attempts and files; unfinished runs never. */
    @WithDefault("30d")
    Duration retention();

    /** How often retention runs (a scheduler interval such as {@code 1h}, or {@code off}). */
    @WithDefault("1h")
    String retentionInterval();

    /** Partitions per topic when the orchestrator creates them at start-up. */
    @WithDefault("12")
    int partitions();

    /** Identifies this instance in CloudEvents {@code ce_source}. */
    @WithDefault("forgeline/orchestrator-service")
    String source();
}
