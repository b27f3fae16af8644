package dev.forgeline.orchestrator.domain;

import java.time.Duration;

/** The orchestration rules a state machine needs (DESIGN §4). */
public record RunRules(int maxAttempts, Duration initialBackoff, double backoffMultiplier, Duration moduleLease,
        Duration runDeadline) {

    /** The wait before the attempt after {@code attemptJustFailed}: initial × multiplier^(n-1). */
    public Duration backoff(int attemptJustFailed) {
        double factor = Math.pow(backoffMultiplier, Math.max(0, attemptJustFailed - 1));
        return Duration.ofMillis(Math.round(initialBackoff.toMillis() * factor));
    }
}
