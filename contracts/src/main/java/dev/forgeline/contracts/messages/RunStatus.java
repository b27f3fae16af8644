package dev.forgeline.contracts.messages;

/** Run states (DESIGN §3): QUEUED → RUNNING → VALIDATING → SUCCEEDED | FAILED | TIMED_OUT | CANCELLED. */
public enum RunStatus {
    QUEUED, RUNNING, VALIDATING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == CANCELLED;
    }
}
