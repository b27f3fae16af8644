package dev.forgeline.worker.service.llm;

/**
 * The endpoint asked to wait longer (Retry-After) than one call may hold a worker thread: not retried within the
 * call, the module's attempt fails retryable and the orchestrator's backoff schedules the next one.
 */
public class LlmRetryLaterException extends LlmException {
    public LlmRetryLaterException(String message, int status) {
        super(message, status);
    }

    @Override
    public boolean retryableLater() {
        return true;
    }
}
