package dev.forgeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;

/**
 * The orchestrator's HTTP API as the CLI uses it, every request with the token as {@code Authorization: Bearer};
 * failures become {@link GatewayException} (401: {@link TokenRefusedException}) or unreachable.
 */
public final class Gateway {
    private final URI base;
    private final Credentials credentials;
    private final HttpClient http;

    public Gateway(URI base, Credentials credentials) {
        this.base = base;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    public JsonNode getJson(String path) {
        return json(send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** DELETE; a 2xx answer's body (none for 204) is ignored. */
    public void delete(String path) {
        HttpResponse<String> response = send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw failure(response, response.body());
        }
    }

    public JsonNode postJson(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return json(send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public byte[] getBytes(String path) {
        HttpResponse<byte[]> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw failure(response, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Opens an event stream; the caller reads and closes the body. */
    public InputStream openStream(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            String text;
            try (InputStream body = response.body()) {
                text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw failure(response, text);
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (credentials.present()) {
            request.header("Authorization", "Bearer " + credentials.token());
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw unreachable(e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException) {
                throw unreachable(e);
            }
            throw new GatewayUnreachableException("the gateway at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnreachableException("interrupted", e);
        }
    }

    private GatewayUnreachableException unreachable(Exception e) {
        return new GatewayUnreachableException("cannot reach the gateway at " + base
                + " (is it running? --api or FORGELINE_API sets its address)", e);
    }

    private JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw failure(response, response.body());
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException("the gateway answered " + response.request().uri() + " with no JSON",
                    response.statusCode(), null);
        }
    }

    private GatewayException failure(HttpResponse<?> response, String body) {
        HttpRequest request = response.request();
        int status = response.statusCode();
        if (status == 401) {
            return new TokenRefusedException(credentials.present()
                    ? "the gateway refused the token (" + credentials.source() + "): it is unknown, revoked or "
                            + "expired; set " + Credentials.TOKEN_ENV + " to a valid API key"
                    : "the gateway at " + base + " requires a token: set " + Credentials.TOKEN_ENV
                            + " to an API key (forgeline up prints the admin key) or use --token-file PATH");
        }
        JsonNode problem = null;
        try {
            problem = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            // not a problem document
        }
        String detail = problem != null && problem.hasNonNull("detail") ? problem.path("detail").asText() : body;
        String what = request.method() + " " + request.uri().getPath() + " answered HTTP " + status
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
        return new GatewayException(what + advice(request.uri().getPath(), status, response), status, problem);
    }

    /** What a person can do about a refusal, after the gateway's own words. */
    private String advice(String path, int status, HttpResponse<?> response) {
        return switch (status) {
            case 403 -> " (this needs an admin key; the token in " + credentials.source() + " is not one)";
            case 404 -> path.startsWith("/api/runs/") ? " (no such run, or a run of another tenant)" : "";
            case 429 -> response.headers().firstValue("Retry-After").map(s -> " (retry after " + s + " s)")
                    .orElse("");
            default -> "";
        };
    }
}
