package dev.forgeline.orchestrator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reading and re-publishing dead letters ({@code /api/dead-letters}): how much one request may read. */
@ConfigMapping(prefix = "forgeline.dead-letters")
public interface DeadLetterConfig {
    /** Records read from the {@code .dlq} topics per request at most; beyond it the newest are listed. */
    @WithDefault("2000")
    int maxScan();

    /** Longest a request waits for Kafka while reading the dead-letter topics. */
    @WithDefault("10s")
    Duration readTimeout();
}
