package dev.forgeline.worker.service;

/** A valid command that cannot be generated: reported as a FAILED ModuleGenerated, never sent to the DLQ. */
public class GenerationException extends RuntimeException {
    private final boolean retryable;

    public GenerationException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public GenerationException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    /** Whether another attempt could succeed (a transient error), as opposed to a deterministic one. */
    public boolean retryable() {
        return retryable;
    }
}
