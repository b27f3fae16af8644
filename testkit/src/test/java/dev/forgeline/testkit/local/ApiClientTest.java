package dev.forgeline.testkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** ApiClient sends its token as {@code Authorization: Bearer} on every kind of request, and none without one. */
class ApiClientTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyRequestCarriesTheBearerToken() {
        ApiClient api = new ApiClient(base, "flk_token");
        api.submit("{}".getBytes(StandardCharsets.UTF_8), "k1");
        api.get("/api/runs");
        api.getBytes("/api/runs/1/archive");
        api.post("/api/admin/keys", "{}");
        api.delete("/api/admin/keys/1");
        assertEquals(List.of("POST /api/runs Bearer flk_token", "GET /api/runs Bearer flk_token",
                "GET /api/runs/1/archive Bearer flk_token", "POST /api/admin/keys Bearer flk_token",
                "DELETE /api/admin/keys/1 Bearer flk_token"), seen);
    }

    @Test
    void aClientWithoutATokenSendsNoAuthorizationHeader() {
        new ApiClient(base).get("/api/runs");
        new ApiClient(base, "flk_token").withToken(null).getBytes("/api/runs/1/archive");
        assertEquals(List.of("GET /api/runs null", "GET /api/runs/1/archive null"), seen);
    }
}
