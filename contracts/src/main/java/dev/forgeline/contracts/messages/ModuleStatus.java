package dev.forgeline.contracts.messages;

/** Module states (DESIGN §3). */
public enum ModuleStatus {
    PENDING, DISPATCHED, RETRY_SCHEDULED, VALIDATED, FAILED, SKIPPED, CANCELLED;

    public boolean isTerminal() {
        return this == VALIDATED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }
}
