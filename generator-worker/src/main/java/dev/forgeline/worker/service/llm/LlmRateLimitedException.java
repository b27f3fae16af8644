package dev.forgeline.worker.service.llm;

import java.time.Duration;

/**
 * HTTP 429 within the wait a call may hold: the endpoint is healthy and asks us to slow down. Retried like any
 * transient failure (after its Retry-After), but it does not count against the endpoint's circuit breaker: a burst of
 * rate limiting under load must not shut every module out of a working endpoint.
 */
public class LlmRateLimitedException extends LlmTransientException {
    public LlmRateLimitedException(String message, int status, Duration retryAfter) {
        super(message, status, retryAfter);
    }
}
