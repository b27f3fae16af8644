package dev.forgeline.worker.service.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The delay before the next try of one call: the endpoint's Retry-After when it sent one (plus up to 10 % so that
 * workers do not return in lockstep), otherwise exponential from the configured {@code @Retry} delay (1 s, 2 s,
 * 4 s, …, capped at {@code forgeline.llm.max-backoff}) with "equal jitter" (half fixed, half random).
 * One instance per invocation (SmallRye creates it), so the attempt counter is per call.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {
    private final AtomicInteger retries = new AtomicInteger();
    private volatile long initialMillis = 1000;
    private volatile long maxMillis = -1;

    @Override
    public void init(long initialDelayInMillis) {
        this.initialMillis = Math.max(0, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable exception) {
        int n = retries.getAndIncrement();
        long cap = maxMillis();
        if (exception instanceof LlmTransientException transientFailure && transientFailure.retryAfter().isPresent()) {
            // Already bounded by forgeline.llm.max-retry-after (a longer wait is not retried at all).
            long wait = Math.max(0, transientFailure.retryAfter().get().toMillis());
            return wait + ThreadLocalRandom.current().nextLong(wait / 10 + 1);
        }
        long exponential = initialMillis << Math.min(n, 20);
        long delay = Math.min(exponential, cap);
        long half = delay / 2;
        return half + ThreadLocalRandom.current().nextLong(delay - half + 1);
    }

    private long maxMillis() {
        if (maxMillis < 0) {
            maxMillis = ConfigProvider.getConfig().getOptionalValue("forgeline.llm.max-backoff", String.class)
                    .map(DurationConverter::parseDuration).orElse(Duration.ofSeconds(20)).toMillis();
        }
        return maxMillis;
    }
}
