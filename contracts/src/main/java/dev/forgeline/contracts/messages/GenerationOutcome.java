package dev.forgeline.contracts.messages;

/** Whether the worker produced files for a command. */
public enum GenerationOutcome {
    GENERATED, FAILED
}
