package dev.forgeline.worker.service.llm;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;

/**
 * The thin fault-tolerant wrapper around one chat-completions call. From the outside in (SmallRye's order):
 * <ul>
 * <li>retry: up to 4 more tries on transient failures (connect errors, resets, timeouts, 408/429/5xx, incomplete
 * bodies), exponential backoff from 1 s with jitter, or the endpoint's Retry-After ({@link RetryAfterBackoff}); never
 * on a rejection (401/403/400/404, context too long), a Retry-After too long to wait, or an open circuit;</li>
 * <li>circuit breaker per endpoint (one endpoint per worker): opens when half of the last 10 calls failed, probes
 * again after 30 s; rejections and rate limiting (429) do not count against the endpoint;</li>
 * <li>timeout: 45 s per try (DESIGN §4);</li>
 * <li>bulkhead: at most {@code forgeline.worker.llm-concurrency} (32) calls in flight per worker, one per LLM slot.</li>
 * </ul>
 * Every value can be overridden per method through MicroProfile Fault Tolerance config, e.g.
 * {@code dev.forgeline.worker.service.llm.ChatClient/complete/Timeout/value=45000} (environment
 * {@code DEV_FORGELINE_WORKER_SERVICE_LLM_CHATCLIENT_COMPLETE_TIMEOUT_VALUE}); tests shorten them that way.
 */
@ApplicationScoped
public class ChatClient {
    /** The circuit breaker's name, for maintenance (reset) and metrics. */
    public static final String CIRCUIT = "forgeline-llm-endpoint";

    private final LlmTransport transport;

    public ChatClient(LlmTransport transport) {
        this.transport = transport;
    }

    @Retry(maxRetries = 4, delay = 1000, maxDuration = 110_000, jitter = 0,
            retryOn = { LlmTransientException.class, TimeoutException.class, BulkheadException.class },
            abortOn = { LlmRejectedException.class, LlmRetryLaterException.class, CircuitBreakerOpenException.class })
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = { LlmRejectedException.class, LlmRateLimitedException.class, BulkheadException.class })
    @CircuitBreakerName(CIRCUIT)
    @Timeout(45_000)
    @Bulkhead(32)
    public ChatResult complete(ChatCompletionRequest request) {
        return transport.send(request);
    }
}
