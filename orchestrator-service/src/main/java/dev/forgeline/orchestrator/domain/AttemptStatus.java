package dev.forgeline.orchestrator.domain;

/** The statuses of a module attempt, as stored in {@code module_attempts.status}. */
public final class AttemptStatus {
    public static final String DISPATCHED = "DISPATCHED";
    public static final String PASSED = "PASSED";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";

    private AttemptStatus() {
    }
}
