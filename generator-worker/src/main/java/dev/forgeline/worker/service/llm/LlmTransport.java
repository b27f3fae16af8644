package dev.forgeline.worker.service.llm;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.api.LoggingScope;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.worker.config.WorkerConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * One HTTP exchange with the OpenAI-compatible endpoint, turned into a {@link ChatResult} or a classified
 * {@link LlmException}: transient (retry), rejected (fail fast) or retry-later. No fault tolerance here; that is
 * {@link ChatClient}'s job. The key is added by a request filter and is never part of a message or a log line
 * (client logging is off).
 */
@ApplicationScoped
public class LlmTransport {
    private static final int MAX_DETAIL = 240;
    private static final Pattern CONTEXT_TOO_LONG = Pattern.compile(
            "(?i)context[_ ]length|context window|maximum context|too many tokens|prompt is too long"
                    + "|input is too long|reduce the length|string_above_max_length|tokens? exceeds?");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private final LlmConfig config;
    private final int connections;
    private final Secrets secrets;
    private volatile OpenAiApi api;
    private volatile String builtFor;

    @Inject
    public LlmTransport(LlmConfig config, WorkerConfig worker) {
        this.config = config;
        // One connection per LLM slot at least (the client's default pool is 50).
        this.connections = Math.max(50, worker.llmConcurrency());
        this.secrets = new Secrets(config.apiKey());
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The configured base URL for log lines and reasons, user info masked; null when unset. */
    public String endpoint() {
        return config.baseUrl().map(secrets::safeUrl).orElse(null);
    }

    /** Sends one request; a non-2xx answer or a broken exchange is thrown as a classified {@link LlmException}. */
    public ChatResult send(ChatCompletionRequest request) {
        OpenAiApi client = api();
        Response response;
        try {
            response = client.chatCompletions(Json.write(request));
        } catch (ProcessingException e) {
            throw new LlmTransientException("cannot reach the LLM endpoint " + endpoint() + ": " + describe(e));
        }
        try (response) {
            int status = response.getStatus();
            String body;
            try {
                body = response.hasEntity() ? response.readEntity(String.class) : "";
            } catch (ProcessingException | IllegalStateException e) {
                throw new LlmTransientException("the LLM endpoint's response (HTTP " + status + ") was cut off: "
                        + describe(e), status, null);
            }
            if (status >= 200 && status < 300) {
                return success(status, body == null ? "" : body);
            }
            throw classify(status, response.getHeaderString("retry-after-ms"),
                    response.getHeaderString(HttpHeaders.RETRY_AFTER), body);
        }
    }

    private ChatResult success(int status, String body) {
        ChatCompletionResponse parsed;
        try {
            parsed = Json.mapper().readValue(body, ChatCompletionResponse.class);
        } catch (JsonProcessingException e) {
            throw new LlmTransientException("the LLM endpoint answered HTTP " + status + " with an incomplete or "
                    + "malformed JSON body (" + body.length() + " chars): " + detail(body), status, null);
        }
        if (parsed == null) {
            throw new LlmTransientException("the LLM endpoint answered HTTP " + status + " with an empty body", status,
                    null);
        }
        if ((parsed.choices() == null || parsed.choices().isEmpty()) && parsed.error() != null
                && !parsed.error().isNull()) {
            // Some gateways answer 200 with {"error": {"code": 401, "message": …}}.
            JsonNode code = parsed.error().path("code");
            int embedded = code.isInt() ? code.asInt() : code.isTextual() && code.asText().matches("\\d{3}")
                    ? Integer.parseInt(code.asText()) : 502;
            throw classify(embedded, null, null, parsed.error().toString());
        }
        if (parsed.choices() == null || parsed.choices().isEmpty()) {
            throw new LlmTransientException("the LLM endpoint answered without choices", status, null);
        }
        ChatCompletionResponse.Choice choice = parsed.choices().get(0);
        String content = choice.message() != null ? choice.message().content() : choice.text();
        if (content == null && choice.text() != null) {
            content = choice.text();
        }
        if (content == null) {
            if (ChatResult.FINISH_LENGTH.equalsIgnoreCase(choice.finishReason())) {
                content = "";
            } else {
                throw new LlmTransientException("the model answered no content (finish_reason="
                        + choice.finishReason() + ")", status, null);
            }
        }
        ChatCompletionResponse.Usage usage = parsed.usage();
        return new ChatResult(content, choice.finishReason(), parsed.model(),
                usage == null ? null : usage.promptTokens(), usage == null ? null : usage.completionTokens());
    }

    /** The failure a non-2xx status stands for; the reason names the status and, masked, what the server said. */
    LlmException classify(int status, String retryAfterMs, String retryAfter, String body) {
        String detail = detail(body);
        String said = detail.isEmpty() ? "" : ": " + detail;
        if (status == 401) {
            return new LlmRejectedException("LLM authentication failed: the endpoint answered HTTP 401 Unauthorized "
                    + "(check FORGELINE_LLM_API_KEY)" + said, status);
        }
        if (status == 403) {
            return new LlmRejectedException("LLM authentication refused: the endpoint answered HTTP 403 Forbidden "
                    + "(the API key has no access to this model or endpoint)" + said, status);
        }
        if ((status == 400 || status == 413 || status == 422) && body != null && CONTEXT_TOO_LONG.matcher(body).find()) {
            return new LlmRejectedException("the prompt does not fit the model's context window (HTTP " + status
                    + "); use a model with a larger context or lower forgeline.llm.max-context-bytes" + said, status);
        }
        if (status == 404) {
            return new LlmRejectedException("the LLM endpoint answered HTTP 404 Not Found (wrong "
                    + "FORGELINE_LLM_BASE_URL, which must end in /v1 for most servers, or an unknown model)" + said,
                    status);
        }
        Duration wait = retryAfter(retryAfterMs, retryAfter);
        if (status == 429 || status == 503) {
            if (wait != null && wait.compareTo(config.maxRetryAfter()) > 0) {
                return new LlmRetryLaterException("the LLM endpoint is rate limiting (HTTP " + status + ") and asks to "
                        + "wait " + wait.toSeconds() + " s, longer than forgeline.llm.max-retry-after ("
                        + config.maxRetryAfter().toSeconds() + " s)" + said, status);
            }
            String after = wait == null ? "" : ", Retry-After " + wait.toMillis() + " ms";
            if (status == 429) {
                return new LlmRateLimitedException("the LLM endpoint is rate limited (HTTP 429)" + after + said,
                        status, wait);
            }
            return new LlmTransientException("the LLM endpoint is unavailable (HTTP 503)" + after + said, status, wait);
        }
        if (status == 408 || status == 425 || status >= 500) {
            return new LlmTransientException("the LLM endpoint failed with HTTP " + status + said, status, wait);
        }
        if (status >= 400) {
            return new LlmRejectedException("the LLM endpoint rejected the request with HTTP " + status + said, status);
        }
        return new LlmTransientException("the LLM endpoint answered an unexpected HTTP " + status + said, status,
                wait);
    }

    /** Retry-After as seconds or an HTTP date, or the non-standard retry-after-ms; null when absent or unreadable. */
    static Duration retryAfter(String retryAfterMs, String retryAfter) {
        if (retryAfterMs != null && retryAfterMs.strip().matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis((long) Double.parseDouble(retryAfterMs.strip()));
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.strip();
        if (value.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What the server said, for a reason: the JSON error message if any, else the text without tags, masked. */
    String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = null;
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node != null) {
                JsonNode error = node.has("error") ? node.get("error") : node;
                if (error.isTextual()) {
                    text = error.asText();
                } else if (error.hasNonNull("message")) {
                    text = error.get("message").asText();
                    if (error.hasNonNull("code") || error.hasNonNull("type")) {
                        text += " (" + (error.hasNonNull("code") ? error.get("code").asText()
                                : error.get("type").asText()) + ")";
                    }
                } else if (node.hasNonNull("detail")) {
                    text = node.get("detail").asText();
                } else if (node.hasNonNull("message")) {
                    text = node.get("message").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            text = null;
        }
        if (text == null) {
            text = TAGS.matcher(body).replaceAll(" ");
        }
        text = text.replaceAll("\\s+", " ").strip();
        text = secrets.mask(text);
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    private String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return secrets.mask(root.getClass().getSimpleName() + message);
    }

    private OpenAiApi api() {
        String baseUrl = config.baseUrl().filter(u -> !u.isBlank()).orElseThrow(() -> new LlmRejectedException(
                "the llm provider is not configured in this worker: set FORGELINE_LLM_BASE_URL "
                        + "(e.g. http://localhost:11434/v1)", 0));
        OpenAiApi current = api;
        if (current != null && baseUrl.equals(builtFor)) {
            return current;
        }
        synchronized (this) {
            if (api == null || !baseUrl.equals(builtFor)) {
                URI uri;
                try {
                    uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        throw new IllegalArgumentException("no scheme or host");
                    }
                } catch (IllegalArgumentException e) {
                    throw new LlmRejectedException("FORGELINE_LLM_BASE_URL is not a valid http(s) URL: "
                            + secrets.safeUrl(baseUrl), 0);
                }
                QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                        .baseUri(uri)
                        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .disableDefaultMapper(true)
                        .loggingScope(LoggingScope.NONE)
                        .followRedirects(false)
                        .userAgent("forgeline-generator-worker")
                        .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, connections);
                config.apiKey().filter(k -> !k.isBlank()).ifPresent(key -> builder.register(new ApiKeyFilter(key)));
                api = builder.build(OpenAiApi.class);
                builtFor = baseUrl;
            }
            return api;
        }
    }

    /** Adds the bearer key to each request; the only place the key is used. */
    private static final class ApiKeyFilter implements ClientRequestFilter {
        private final String header;

        ApiKeyFilter(String key) {
            this.header = "Bearer " + key;
        }

        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
        }

        @Override
        public String toString() {
            return "ApiKeyFilter[" + Secrets.MASK + "]";
        }
    }

}
