package dev.forgeline.orchestrator.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a tenant may submit one more run, given its runs in flight and its submissions in the last minute; when
 * not, why and after how many seconds a retry can succeed.
 */
public record QuotaDecision(boolean allowed, String reason, long retryAfterSeconds) {
    public static final Duration WINDOW = Duration.ofMinutes(1);
    private static final QuotaDecision ALLOWED = new QuotaDecision(true, null, 0);

    /** The limits a decision applies. */
    public record Limits(int runsInFlight, int submissionsPerMinute, Duration inFlightRetryAfter) {
    }

    /** What the tenant has now: runs not finished, submissions since {@code now - WINDOW}, the oldest of those. */
    public record Usage(long runsInFlight, long recentSubmissions, Instant oldestRecentSubmission) {
    }

    public static QuotaDecision decide(String tenant, Usage usage, Limits limits, Instant now) {
        if (usage.recentSubmissions() >= limits.submissionsPerMinute()) {
            Instant oldest = usage.oldestRecentSubmission() == null ? now : usage.oldestRecentSubmission();
            long millis = Duration.between(now, oldest.plus(WINDOW)).toMillis();
            return new QuotaDecision(false, "tenant " + tenant + " submitted " + usage.recentSubmissions()
                    + " runs in the last minute; the quota is " + limits.submissionsPerMinute() + " per minute",
                    ceilSeconds(millis));
        }
        if (usage.runsInFlight() >= limits.runsInFlight()) {
            return new QuotaDecision(false, "tenant " + tenant + " has " + usage.runsInFlight()
                    + " runs in flight; the quota is " + limits.runsInFlight(),
                    ceilSeconds(limits.inFlightRetryAfter().toMillis()));
        }
        return ALLOWED;
    }

    /** Whole seconds, rounded up, at least 1 (Retry-After: 0 would invite a busy loop). */
    static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
