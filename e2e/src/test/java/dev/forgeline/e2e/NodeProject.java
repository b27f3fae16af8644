package dev.forgeline.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.PostgresEndpoint;
import dev.forgeline.testkit.ProjectRoot;

/**
 * A generated Node.js project on disk, driven as a developer would: {@code npm install}, {@code npm run lint},
 * {@code npm test}, {@code node src/server.js}, HTTP requests, all on the Node.js of {@link NodeRuntime} (a current
 * LTS fetched from the npm registry). npm is required: without it the acceptance tests fail, they do not skip.
 */
final class NodeProject {
    static final String JWT_SECRET = "e2e-secret-for-generated-projects";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(4);
    /** The summary lines of node:test, in the TAP ("# pass 3") and in the spec reporter ("ℹ pass 3"). */
    private static final Pattern TAP_COUNT = Pattern.compile(
            "^(?:#|\u2139) (tests|pass|fail|cancelled|skipped|todo) (\\d+)$", Pattern.MULTILINE);

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();

    private NodeProject(Path dir) {
        this.dir = dir;
    }

    /** The outcome of {@code npm test}: the TAP summary counts and where the whole output is. */
    record TestRun(int exitCode, Map<String, Integer> counts, Path log, long millis) {
        int count(String name) {
            return counts.getOrDefault(name, -1);
        }
    }

    /** Fails (does not skip) with what to install when node or npm is missing. */
    static void requireNode() {
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    continue;
                }
            } catch (IOException e) {
                // reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError(tool + " is not on PATH: the acceptance tests of generated projects run "
                    + "`npm install && npm test` and `node src/server.js`; install Node.js 20 or newer with npm "
                    + "(CI machines have them); the tests then fetch Node.js " + NodeRuntime.VERSION
                    + " from the npm registry");
        }
        NodeRuntime.bin();
    }

    /** Writes the files under {@code e2e/target/generated-projects/<name>}, replacing an earlier copy. */
    static NodeProject write(String name, Map<String, String> files) {
        Path dir = ProjectRoot.find().resolve("e2e/target/generated-projects").resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException("unsafe path " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
        return new NodeProject(dir);
    }

    /** DATABASE_URL for a fresh database of this name on the testkit's PostgreSQL (created here). */
    NodeProject database(PostgresEndpoint postgres, String database) {
        postgres.createDatabase(database);
        URI jdbc = URI.create(postgres.jdbcUrl(database).substring("jdbc:".length()));
        env.put("DATABASE_URL", "postgres://" + postgres.username() + ":" + postgres.password() + "@" + jdbc.getHost()
                + ":" + jdbc.getPort() + "/" + database);
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("LOG_LEVEL", "warn");
        env.put("REDOCLY_TELEMETRY", "off");
        env.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        return this;
    }

    Path dir() {
        return dir;
    }

    String file(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm install --no-audit --no-fund --prefer-offline}, with npm's cache shared by every project. */
    void install() {
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefer-offline"));
        String cache = System.getProperty("forgeline.npm.cache");
        if (cache != null && !cache.isBlank()) {
            command.add("--cache");
            command.add(cache);
        }
        Path log = dir.resolveSibling(dir.getFileName() + ".npm-install.log");
        int exit = run(command, log, INSTALL_TIMEOUT);
        if (exit != 0) {
            throw new AssertionError("npm install failed in " + dir + " (exit " + exit + "):\n" + tail(log, 40));
        }
    }

    /** {@code npm run lint} (ESLint with no warnings allowed, then Redocly on openapi.json): exit code and log. */
    record LintRun(int exitCode, Path log) {
    }

    LintRun lint() {
        Path log = dir.resolveSibling(dir.getFileName() + ".npm-lint.log");
        return new LintRun(run(List.of("npm", "run", "lint"), log, TEST_TIMEOUT), log);
    }

    /** {@code npm test} against this project's database. */
    TestRun test() {
        Path log = dir.resolveSibling(dir.getFileName() + ".npm-test.log");
        long started = System.nanoTime();
        int exit = run(List.of("npm", "test"), log, TEST_TIMEOUT);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = TAP_COUNT.matcher(read(log));
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return new TestRun(exit, counts, log, millis);
    }

    /** Starts {@code node src/server.js} on a free port and waits until GET /health answers 200. */
    Server start() {
        int port = Ports.freePort();
        Path log = dir.resolveSibling(dir.getFileName() + ".server.log");
        ProcessBuilder builder = new ProcessBuilder(NodeRuntime.bin().resolve("node").toString(), "src/server.js")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        NodeRuntime.onPath(builder.environment());
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("LOG_LEVEL", "info");
        try {
            Server server = new Server(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .failFast("node src/server.js exited", () -> !server.process.isAlive())
                        .until(server::healthy);
            } catch (RuntimeException e) {
                server.close();
                throw new AssertionError("node src/server.js did not become healthy in " + dir + ":\n" + server.log(), e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node in " + dir, e);
        }
    }

    private int run(List<String> command, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        NodeRuntime.onPath(builder.environment());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + " in " + dir
                        + ":\n" + tail(log, 40));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        List<String> all = read(file).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** An HS256 JWT signed with {@link #JWT_SECRET}, as the generated auth middleware verifies. */
    static String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = System.currentTimeMillis() / 1000 + 3600;
        String payload = b64.encodeToString(("{\"sub\":\"e2e\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = b64.encodeToString(mac.doFinal((header + "." + payload)
                    .getBytes(StandardCharsets.UTF_8)));
            return header + "." + payload + "." + signature;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A running {@code node src/server.js} and a JSON client for it. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final URI base;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private String token;

        Server(Process process, URI base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        /** Sends a Bearer token with every request from now on. */
        Server authenticated(String bearer) {
            this.token = bearer;
            return this;
        }

        /** An HTTP answer: status, Location and Content-Type headers and the body as JSON (null when empty). */
        record Reply(int status, String location, String contentType, JsonNode json, String body) {
        }

        Reply get(String path) {
            return send("GET", path, null);
        }

        Reply post(String path, Object body) {
            return send("POST", path, body);
        }

        Reply put(String path, Object body) {
            return send("PUT", path, body);
        }

        Reply patch(String path, Object body) {
            return send("PATCH", path, body);
        }

        Reply delete(String path) {
            return send("DELETE", path, null);
        }

        Reply send(String method, String path, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String json = body instanceof String s ? s : Json.write(body);
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String type = response.headers().firstValue("Content-Type").orElse("");
                JsonNode json = response.body().isEmpty() || !type.contains("json") ? null
                        : Json.mapper().readTree(response.body());
                return new Reply(response.statusCode(), response.headers().firstValue("Location").orElse(null), type,
                        json, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed; server log:\n" + log(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        boolean healthy() {
            try {
                return get("/health").status() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        }

        String log() {
            return tail(log, 40);
        }

        /** SIGTERM; the server shuts down gracefully and exits 0. Returns the exit code. */
        int stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return -1;
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return -1;
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                stop();
            }
        }
    }
}
