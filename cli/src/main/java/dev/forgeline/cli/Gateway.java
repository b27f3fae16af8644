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

/** The orchestrator's HTTP API as the CLI uses it; failures become {@link GatewayException} or unreachable. */
public final class Gateway {
    private final URI base;
    private final HttpClient http;

    public Gateway(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    public JsonNode getJson(String path) {
        return json(send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
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
            throw failure(response.request(), response.statusCode(), new String(response.body()));
        }
        return response.body();
    }

    /** Opens an event stream; the caller reads and closes the body. */
    public InputStream openStream(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw failure(response.request(), response.statusCode(), new String(body.readAllBytes()));
            } catch (IOException e) {
                throw failure(response.request(), response.statusCode(), "");
            }
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
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

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw failure(response.request(), response.statusCode(), response.body());
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException("the gateway answered " + response.request().uri() + " with no JSON",
                    response.statusCode(), null);
        }
    }

    private static GatewayException failure(HttpRequest request, int status, String body) {
        JsonNode problem = null;
        try {
            problem = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            // not a problem document
        }
        String detail = problem != null && problem.hasNonNull("detail") ? problem.path("detail").asText() : body;
        return new GatewayException(request.method() + " " + request.uri().getPath() + " answered HTTP " + status
                + (detail == null || detail.isBlank() ? "" : ": " + detail), status, problem);
    }
}
