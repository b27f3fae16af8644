package dev.forgeline.contracts.messages;

/** What a {@link RunEvent} reports. */
public enum RunEventType {
    RUN_STATUS_CHANGED, MODULE_STATUS_CHANGED
}
