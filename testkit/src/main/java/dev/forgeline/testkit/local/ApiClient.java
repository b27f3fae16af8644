package dev.forgeline.testkit.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;

/**
 * A small client of the orchestrator's HTTP API, for the end-to-end tests and the benchmarks; with a token it sends
 * {@code Authorization: Bearer} on every request.
 */
public final class ApiClient {
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client that sends no token (for tests of what the gateway answers an anonymous caller). */
    public ApiClient(URI base) {
        this(base, null);
    }

    /** A client that authenticates every request with {@code token} (an API key or a JWT). */
    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same gateway with another token (null: none). */
    public ApiClient withToken(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    /** A response: status, body text and, for JSON bodies, the parsed tree. */
    public record Reply(int status, String body, String location) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    public Reply submit(byte[] spec, String idempotencyKey) {
        HttpRequest.Builder request = request("/api/runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(spec));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    /** POST with a JSON body (null: an empty body). */
    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
