package dev.forgeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/**
 * {@code forgeline keys create|list|revoke}: the requests sent and the output, against a stand-in gateway answering
 * as {@code /api/admin/keys} does (AUTH-CONTRACT.md; the real endpoints are the orchestrator's tests).
 */
class KeysCommandTest {
    private static final String ID = "0193b4e2-7f1a-7c3e-9a51-2d4f6b8c0e11";
    private static final String NEW_KEY = "flk_" + "k".repeat(43);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/admin/keys", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path + " " + body);
            int status;
            String answer;
            if (method.equals("POST")) {
                status = 201;
                answer = """
                        {"id":"%s","tenant":"team-a","name":"ci","role":"user","createdAt":"2026-12-02T10:00:00Z",
                         "key":"%s"}""".formatted(ID, NEW_KEY);
            } else if (method.equals("GET")) {
                status = 200;
                answer = """
                        {"keys":[{"id":"%s","tenant":"team-a","name":"ci","role":"user",
                          "createdAt":"2026-12-02T10:00:00Z","lastUsedAt":null,"revokedAt":"2026-12-02T11:00:00Z"}]}"""
                        .formatted(ID);
            } else if (path.endsWith(ID)) {
                status = 204;
                answer = null;
            } else {
                status = 404;
                answer = "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no API key with that id\"}";
            }
            if (answer == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = Forgeline.commandLine(Map.of("FORGELINE_TOKEN", "flk_admin-key-of-the-test-0123456789"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--api", "http://127.0.0.1:" + gateway.getAddress().getPort()));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void createPostsTenantNameAndRoleAndPrintsTheKeyAloneOnTheFirstLine() {
        assertThat(run("keys", "create", "--tenant", "team-a", "--name", "ci")).as(err.toString()).isZero();
        assertThat(requests).singleElement().asString().startsWith("POST /api/admin/keys {")
                .contains("\"tenant\":\"team-a\"", "\"name\":\"ci\"", "\"role\":\"user\"");
        assertThat(out.toString().lines().toList()).containsExactly(NEW_KEY,
                "id " + ID + "  tenant team-a  name ci  role user");
        assertThat(err.toString()).contains("shown only this once");
    }

    @Test
    void createNeedsTenantAndNameAndARoleOfUserOrAdmin() {
        assertThat(run("keys", "create", "--name", "ci")).isEqualTo(2);
        assertThat(err.toString()).contains("--tenant");
        assertThat(run("keys", "create", "--tenant", "team-a", "--name", "ci", "--role", "root")).isEqualTo(2);
        assertThat(err.toString()).contains("root", "user, admin");
        assertThat(run("keys", "create", "--tenant", "team-a", "--name", "ops", "--role", "admin")).isZero();
        assertThat(requests).singleElement().asString().contains("\"role\":\"admin\"");
    }

    @Test
    void listPrintsEachKeyWithoutASecret() {
        assertThat(run("keys", "list")).isZero();
        assertThat(requests).singleElement().asString().startsWith("GET /api/admin/keys");
        assertThat(out.toString()).contains(ID, "team-a", "ci", "user", "2026-12-02T11:00:00Z", "1 keys")
                .doesNotContain("flk_");
    }

    @Test
    void revokeDeletesTheKeyAndAnUnknownIdExits2() {
        assertThat(run("keys", "revoke", ID)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("key " + ID + " revoked");
        String other = "0193b4e2-0000-7c3e-9a51-2d4f6b8c0e11";
        assertThat(run("keys", "revoke", other)).isEqualTo(2);
        assertThat(err.toString()).contains("HTTP 404", "no API key with that id");
        assertThat(requests).containsExactly("DELETE /api/admin/keys/" + ID + " ", "DELETE /api/admin/keys/" + other + " ");
    }

    @Test
    void revokeOfSomethingThatIsNotAnIdIsAUsageErrorBeforeAnyRequest() {
        assertThat(run("keys", "revoke", "ci")).isEqualTo(2);
        assertThat(err.toString()).contains("'ci' is not a key id");
        assertThat(requests).isEmpty();
    }

    @Test
    void keysWithoutASubcommandIsAUsageError() {
        assertThat(run("keys")).isEqualTo(2);
        assertThat(err.toString()).contains("create", "list", "revoke");
    }
}
