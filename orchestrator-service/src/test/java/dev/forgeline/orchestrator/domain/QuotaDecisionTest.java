package dev.forgeline.orchestrator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class QuotaDecisionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final QuotaDecision.Limits LIMITS = new QuotaDecision.Limits(3, 5, Duration.ofSeconds(10));

    private static QuotaDecision decide(long inFlight, long recent, Instant oldest) {
        return QuotaDecision.decide("team-a", new QuotaDecision.Usage(inFlight, recent, oldest), LIMITS, NOW);
    }

    @Test
    void underBothLimitsIsAllowed() {
        assertThat(decide(2, 4, NOW.minusSeconds(30)).allowed()).isTrue();
        assertThat(decide(0, 0, null).allowed()).isTrue();
    }

    @Test
    void atTheRunsInFlightLimitIsRefusedWithTheConfiguredRetryAfter() {
        QuotaDecision d = decide(3, 1, NOW.minusSeconds(5));
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(10);
        assertThat(d.reason()).contains("team-a", "3 runs in flight", "quota is 3");
    }

    @Test
    void atThePerMinuteLimitTheRetryIsWhenTheOldestSubmissionLeavesTheWindow() {
        QuotaDecision d = decide(0, 5, NOW.minusSeconds(45));
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(15);
        assertThat(d.reason()).contains("5 per minute");
        QuotaDecision almost = decide(0, 5, NOW.minusMillis(59_900));
        assertThat(almost.retryAfterSeconds()).as("rounded up, never 0").isEqualTo(1);
    }

    @Test
    void thePerMinuteLimitIsCheckedFirst() {
        assertThat(decide(3, 5, NOW.minusSeconds(50)).reason()).contains("per minute");
    }
}
