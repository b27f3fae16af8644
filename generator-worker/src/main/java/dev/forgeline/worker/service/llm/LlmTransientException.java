package dev.forgeline.worker.service.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may pass on its own: no connection, connection reset, 408/429/5xx, an incomplete or malformed
 * body. Retried within the call (with the endpoint's Retry-After when it sent one), then the module's attempt
 * fails retryable.
 */
public class LlmTransientException extends LlmException {
    private final Duration retryAfter;

    public LlmTransientException(String message, int status, Duration retryAfter) {
        super(message, status);
        this.retryAfter = retryAfter;
    }

    public LlmTransientException(String message) {
        this(message, 0, null);
    }

    /** How long the endpoint asked to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryableLater() {
        return true;
    }
}
