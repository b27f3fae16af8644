package dev.forgeline.orchestrator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-tenant quotas (issue 15): runs in flight and submissions per minute; over either, a submission is a 429. */
@ConfigMapping(prefix = "forgeline.quota")
public interface QuotaConfig {
    /** Runs of one tenant not yet finished (QUEUED, RUNNING, VALIDATING). */
    @WithDefault("20")
    int runsInFlight();

    /** Submissions of one tenant in any sliding minute. */
    @WithDefault("60")
    int submissionsPerMinute();

    /** The Retry-After given when the runs-in-flight quota is full (runs take about this long to free a place). */
    @WithDefault("10s")
    Duration inFlightRetryAfter();
}
