package dev.forgeline.orchestrator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SSE event streams: heartbeat, how much of forgeline.run.events each instance keeps in memory. */
@ConfigMapping(prefix = "forgeline.events")
public interface EventStreamConfig {
    /** A {@code : keep-alive} comment is sent on every open stream this often, so proxies keep idle streams open. */
    @WithDefault("15s")
    Duration heartbeat();

    /** At start-up the feed reads forgeline.run.events from this long ago (a run's "from its start" history). */
    @WithDefault("24h")
    Duration history();

    /** Runs whose events are kept in memory; beyond it, the least recently touched run with no open stream is forgotten. */
    @WithDefault("5000")
    int maxRuns();

    /** Events kept per run (a run of 11 modules with 3 attempts each emits about 60). */
    @WithDefault("2000")
    int maxEventsPerRun();

    /** Longest wait of one poll of the feed's consumer. */
    @WithDefault("100ms")
    Duration pollTimeout();
}
