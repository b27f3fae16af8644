package dev.forgeline.worker.service.llm;

/**
 * A failed call to the LLM endpoint. Messages are built from status codes and masked response text only (never from
 * request headers), so they can travel into logs and ModuleGenerated reasons.
 */
public abstract class LlmException extends RuntimeException {
    private final int status;

    protected LlmException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Whether another attempt of the module could succeed. */
    public abstract boolean retryableLater();
}
