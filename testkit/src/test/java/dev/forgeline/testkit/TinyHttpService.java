package dev.forgeline.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** A stand-in service for {@link ServiceProcessTest}: answers 200 on /ready, or exits at once if asked to. */
public final class TinyHttpService {
    private TinyHttpService() {
    }

    public static void main(String[] args) throws IOException {
        String exitCode = System.getenv("TINY_EXIT_CODE");
        if (exitCode != null) {
            System.out.println("tiny service giving up on purpose");
            System.exit(Integer.parseInt(exitCode));
        }
        int port = Integer.parseInt(System.getenv("TINY_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/ready", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("tiny service listening on " + port);
    }
}
