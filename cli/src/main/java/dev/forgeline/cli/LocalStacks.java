package dev.forgeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;

import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/** Starts the local stack for {@code up} and {@code demo} on FORGELINE_HTTP_PORT (default 8080). */
final class LocalStacks {
    private LocalStacks() {
    }

    static int port() {
        String value = System.getenv().getOrDefault("FORGELINE_HTTP_PORT", "8080");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FORGELINE_HTTP_PORT must be a port number, not '" + value + "'");
        }
    }

    static LocalForgeline start(PrintWriter out) {
        int port = port();
        requireFreePort(port);
        out.println("starting Kafka, PostgreSQL and the services (logs in .forgeline/logs/)…");
        out.flush();
        long started = System.nanoTime();
        LocalForgeline stack = LocalForgeline.start(StackOptions.defaults().httpPort(port));
        out.printf("ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return stack;
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use; set FORGELINE_HTTP_PORT to another port");
        }
    }
}
