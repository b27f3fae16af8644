package dev.forgeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/**
 * The CLI's token: read from FORGELINE_TOKEN or --token-file (never an argument), sent as {@code Authorization:
 * Bearer} on every request (JSON, downloads, the SSE stream), and what a refusal (401, 403, 404, 429) prints and
 * returns. Against a stand-in gateway that accepts one token; the real gateway's checks are the orchestrator's tests.
 */
class TokenTest {
    private static final String TOKEN = "flk_" + "A".repeat(43);
    private static final UUID RUN = UUID.fromString("0193b4e2-7f1a-7c3e-9a51-2d4f6b8c0e11");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** "METHOD path Authorization-header" of every request. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer gateway;

    @TempDir
    Path dir;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", this::answer);
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path + " " + auth);
        exchange.getRequestBody().readAllBytes();
        if (!("Bearer " + TOKEN).equals(auth)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"forgeline\"");
            send(exchange, 401, "application/problem+json", """
                    {"type":"https://forgeline.dev/problems/unauthorized","title":"Unauthorized","status":401,
                     "detail":"a valid bearer token is required"}""");
            return;
        }
        if (path.equals("/api/runs/" + RUN)) {
            send(exchange, 200, "application/json", """
                    {"id":"%s","name":"todo-api","stack":"express-js","status":"SUCCEEDED","successRate":1.0,
                     "modules":[],"counts":{"total":0,"fullyValidated":0}}""".formatted(RUN));
        } else if (path.equals("/api/runs/" + RUN + "/events")) {
            send(exchange, 200, "text/event-stream", "id: 1\nevent: run-event\ndata: {\"eventId\":\""
                    + UUID.randomUUID() + "\",\"runId\":\"" + RUN + "\",\"type\":\"RUN_STATUS_CHANGED\","
                    + "\"status\":\"SUCCEEDED\",\"at\":\"2026-12-02T10:00:00Z\"}\n\n");
        } else if (path.equals("/api/runs/" + RUN + "/archive")) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("todo-api/package.json"));
                z.write("{}".getBytes(StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, zip.size());
            exchange.getResponseBody().write(zip.toByteArray());
            exchange.close();
        } else if (path.startsWith("/api/admin/")) {
            send(exchange, 403, "application/problem+json", """
                    {"title":"Forbidden","status":403,"detail":"an admin key is required"}""");
        } else if (path.equals("/api/runs") && exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Retry-After", "17");
            send(exchange, 429, "application/problem+json", """
                    {"title":"Too Many Requests","status":429,"detail":"tenant admin has 20 runs in flight"}""");
        } else {
            send(exchange, 404, "application/problem+json", """
                    {"title":"Not Found","status":404,"detail":"run not found"}""");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine cli = Forgeline.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--api", "http://127.0.0.1:" + gateway.getAddress().getPort()))
                .toArray(String[]::new);
        return cli.execute(all);
    }

    private int withUpKeyFile(Map<String, String> environment, Path upKeyFile, String... args) {
        CommandLine cli = Forgeline.commandLine(environment, upKeyFile);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--api", "http://localhost:" + gateway.getAddress().getPort()));
        return cli.execute(all.toArray(String[]::new));
    }

    private int withToken(String... args) {
        return run(Map.of("FORGELINE_TOKEN", TOKEN), args);
    }

    @Test
    void everyRequestOfStatusDownloadAndWatchCarriesTheTokenFromTheEnvironment() {
        assertThat(withToken("status", RUN.toString())).as(err.toString()).isZero();
        assertThat(withToken("download", RUN.toString(), "--out", dir.resolve("out").toString()))
                .as(err.toString()).isZero();
        assertThat(withToken("watch", RUN.toString())).as(err.toString()).isZero();

        assertThat(requests).contains("GET /api/runs/" + RUN + "/archive Bearer " + TOKEN,
                "GET /api/runs/" + RUN + "/events Bearer " + TOKEN);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(5).allMatch(r -> r.endsWith(" Bearer " + TOKEN));
        assertThat(dir.resolve("out/package.json")).isRegularFile();
        assertThat(out.toString() + err.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aTokenFileIsReadTrimmedAndWinsOverTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        assertThat(run(Map.of("FORGELINE_TOKEN", "flk_wrong"), "status", RUN.toString(), "--token-file",
                file.toString())).as(err.toString()).isZero();
        assertThat(requests).singleElement().asString().endsWith(" Bearer " + TOKEN);
    }

    @Test
    void aMissingOrEmptyTokenFileIsAUsageErrorBeforeAnyRequest() throws IOException {
        assertThat(run(Map.of(), "status", RUN.toString(), "--token-file", dir.resolve("nope").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--token-file", "nope", "no such file");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(run(Map.of(), "list", "--token-file", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is empty");
        assertThat(requests).isEmpty();
    }

    @Test
    void theTokenIsNeverACommandLineArgument() {
        assertThat(run(Map.of(), "list", "--token", TOKEN)).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
        assertThat(requests).isEmpty();
    }

    @Test
    void noTokenExits3AndSaysToSetForgelineToken() {
        assertThat(run(Map.of(), "status", RUN.toString())).isEqualTo(3);
        assertThat(requests).singleElement().asString().endsWith(" null");
        assertThat(err.toString()).contains("requires a token: set FORGELINE_TOKEN");
    }

    @Test
    void aRefusedTokenExits3NamingWhereItCameFromButNotTheToken() {
        String wrong = "flk_" + "B".repeat(43);
        assertThat(run(Map.of("FORGELINE_TOKEN", wrong), "watch", RUN.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("the gateway refused the token (FORGELINE_TOKEN)")
                .doesNotContain(wrong);
        assertThat(requests).singleElement().asString().endsWith(" Bearer " + wrong);
    }

    @Test
    void aTokenWithSpacesInsideIsAUsageErrorThatDoesNotEchoIt() {
        assertThat(run(Map.of("FORGELINE_TOKEN", "flk_abc def-secret"), "list")).isEqualTo(2);
        assertThat(err.toString()).contains("FORGELINE_TOKEN", "spaces or control characters")
                .doesNotContain("def-secret");
        assertThat(requests).isEmpty();
    }

    @Test
    void aUserKeyOnAnAdminCommandExits2SayingItNeedsAnAdminKey() {
        assertThat(withToken("keys", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("HTTP 403", "needs an admin key");
    }

    @Test
    void anUnknownOrForeignRunExits2SayingSo() {
        assertThat(withToken("status", UUID.randomUUID().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("HTTP 404", "no such run, or a run of another tenant");
    }

    @Test
    void aQuotaRefusalExits2WithTheRetryAfter() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
        assertThat(withToken("submit", spec.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("HTTP 429", "20 runs in flight", "retry after 17 s");
    }

    @Test
    void withoutATokenTheKeyOfARunningUpIsUsedForAGatewayOnThisMachine() throws IOException {
        Path upKey = dir.resolve(".forgeline/admin-key");
        UpKeyFile.write(upKey, TOKEN);
        assertThat(withUpKeyFile(Map.of(), upKey, "status", RUN.toString())).as(err.toString()).isZero();
        assertThat(requests).singleElement().asString().endsWith(" Bearer " + TOKEN);

        String other = "flk_" + "C".repeat(43);
        assertThat(withUpKeyFile(Map.of("FORGELINE_TOKEN", other), upKey, "status", RUN.toString())).isEqualTo(3);
        assertThat(requests.get(1)).as("FORGELINE_TOKEN wins").endsWith(" Bearer " + other);

        UpKeyFile.write(upKey, other);
        assertThat(withUpKeyFile(Map.of(), upKey, "list")).isEqualTo(3);
        assertThat(err.toString()).contains("refused the token (.forgeline/admin-key, written by forgeline up)")
                .doesNotContain(other);
    }

    @Test
    void theUpKeyFileIsForThisUserOnlyAndOnlyForLoopbackGateways() throws IOException {
        Path upKey = dir.resolve(".forgeline/admin-key");
        UpKeyFile.write(upKey, TOKEN);
        assertThat(Files.getPosixFilePermissions(upKey)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        for (String local : List.of("http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080")) {
            assertThat(UpKeyFile.readFor(upKey, java.net.URI.create(local))).as(local).isEqualTo(TOKEN);
        }
        for (String remote : List.of("http://gateway.example.org:8080", "https://10.0.0.7", "http://localhost.example.org")) {
            assertThat(UpKeyFile.readFor(upKey, java.net.URI.create(remote))).as(remote).isNull();
        }
        UpKeyFile.delete(upKey);
        assertThat(UpKeyFile.readFor(upKey, java.net.URI.create("http://localhost:8080"))).isNull();
    }
}
