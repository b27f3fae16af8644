package dev.forgeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.util.Map;

import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/**
 * Starts the local stack for {@code up} and {@code demo} on FORGELINE_HTTP_PORT (default 8080), with the admin key
 * from FORGELINE_ADMIN_KEY or a generated one, and prints that key once.
 */
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

    static LocalForgeline start(PrintWriter out, Map<String, String> environment) {
        int port = port();
        requireFreePort(port);
        String configured = environment.get(LocalForgeline.ADMIN_KEY_ENV);
        boolean fromEnvironment = configured != null && !configured.isBlank();
        String adminKey = fromEnvironment ? configured : LocalForgeline.newKey();
        out.println("starting Kafka, PostgreSQL and the services (logs in .forgeline/logs/)…");
        out.flush();
        long started = System.nanoTime();
        LocalForgeline stack = LocalForgeline.start(StackOptions.defaults().httpPort(port).adminKey(adminKey));
        out.printf("ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.println(adminKeyLine(adminKey, fromEnvironment));
        out.flush();
        return stack;
    }

    /** The one line that shows the admin key: in full when generated here, by its variable when the user set it. */
    static String adminKeyLine(String adminKey, boolean fromEnvironment) {
        return fromEnvironment
                ? "admin key: $" + LocalForgeline.ADMIN_KEY_ENV + " (export " + Credentials.TOKEN_ENV + "=\"$"
                        + LocalForgeline.ADMIN_KEY_ENV + "\" to use the CLI)"
                : "admin key: " + adminKey + " (export " + Credentials.TOKEN_ENV + "=" + adminKey
                        + " to use the CLI)";
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use; set FORGELINE_HTTP_PORT to another port");
        }
    }
}
