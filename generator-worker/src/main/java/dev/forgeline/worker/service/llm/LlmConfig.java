package dev.forgeline.worker.service.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The LLM endpoint this worker calls for runs whose spec says {@code "generator": {"provider": "llm"}}
 * ({@code forgeline.llm.*}; environment {@code FORGELINE_LLM_BASE_URL}, {@code FORGELINE_LLM_API_KEY},
 * {@code FORGELINE_LLM_MODEL}, …). Endpoint and key are server-side only: a spec chooses the model and temperature,
 * never where requests go or with which credentials. The fault-tolerance values of one call (timeout, retries,
 * circuit breaker, bulkhead) are MicroProfile Fault Tolerance settings of {@link ChatClient#complete}.
 */
@ConfigMapping(prefix = "forgeline.llm")
public interface LlmConfig {

    /** Base URL of an OpenAI-compatible API, up to and including {@code /v1} (e.g. http://localhost:11434/v1). */
    @WithName("base-url")
    Optional<String> baseUrl();

    /** Sent as {@code Authorization: Bearer …} when set; never logged, never part of a reason. */
    @WithName("api-key")
    Optional<String> apiKey();

    /** The model when the spec names none. */
    Optional<String> model();

    /** The temperature when the spec gives none. */
    @WithDefault("0.2")
    double temperature();

    /** {@code max_tokens} of each request; unset leaves the server's default. */
    @WithName("max-tokens")
    OptionalInt maxTokens();

    /** How many times a truncated answer ({@code finish_reason=length}) is continued before the attempt fails. */
    @WithName("max-continuations")
    @WithDefault("3")
    int maxContinuations();

    /** Bytes of upstream files quoted in a prompt; files beyond it are named but not quoted. */
    @WithName("max-context-bytes")
    @WithDefault("98304")
    int maxContextBytes();

    /** TCP connect timeout of the HTTP client. */
    @WithName("connect-timeout")
    @WithDefault("5s")
    Duration connectTimeout();

    /** Read timeout of the HTTP client: a backstop behind the per-call fault-tolerance timeout (45 s). */
    @WithName("read-timeout")
    @WithDefault("50s")
    Duration readTimeout();

    /** A 429 asking to wait longer than this ends the attempt (retryable) instead of holding a worker thread. */
    @WithName("max-retry-after")
    @WithDefault("30s")
    Duration maxRetryAfter();

    /**
     * While the endpoint's circuit breaker is open, how long a call waits for it to let a probe through before the
     * attempt fails (retryable). Longer than the breaker's delay (30 s), so a short outage costs time, not attempts.
     */
    @WithName("open-circuit-wait")
    @WithDefault("60s")
    Duration openCircuitWait();

    /** Upper bound of the exponential backoff between retries of one call. */
    @WithName("max-backoff")
    @WithDefault("20s")
    Duration maxBackoff();
}
