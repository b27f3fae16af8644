package dev.forgeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/**
 * {@code forgeline dead-letters list|replay}: arguments, the requests sent and the output, against a stand-in gateway
 * answering as {@code /api/dead-letters} does (the real endpoints are covered by the orchestrator's DeadLetterReplayTest).
 */
class DeadLettersCommandTest {
    private static final String PAGE = """
            {"page":0,"size":20,"total":1,"retained":1,"truncated":false,"deadLetters":[
              {"id":"forgeline.module.validated.dlq:3:7","topic":"forgeline.module.validated.dlq","partition":3,
               "offset":7,"sourceTopic":"forgeline.module.validated","key":"run-1","reason":"Unrecognized token",
               "time":"2026-12-02T10:00:00Z","preview":"{not\\njson","valueBytes":9,"replayed":false}]}""";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private String replayAnswer;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/dead-letters", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            byte[] answer = (exchange.getRequestURI().getPath().endsWith("/replay") ? replayAnswer : PAGE)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = Forgeline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String api() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    @Test
    void helpOnDeadLettersAndItsSubcommandsExits0() {
        assertThat(run("dead-letters", "--help")).isZero();
        assertThat(run("dead-letters", "list", "--help")).isZero();
        assertThat(run("dead-letters", "replay", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: forgeline dead-letters", "Usage: forgeline dead-letters list",
                "Usage: forgeline dead-letters replay");
    }

    @Test
    void deadLettersWithoutASubcommandIsAUsageError() {
        assertThat(run("dead-letters")).isEqualTo(2);
        assertThat(err.toString()).contains("list", "replay");
    }

    @Test
    void listAsksForTheTopicAndPrintsEachDeadLetterOnThreeLines() {
        assertThat(run("dead-letters", "list", "--topic", "forgeline.module.validated.dlq", "--api", api()))
                .isZero();
        assertThat(requests).singleElement().asString()
                .startsWith("GET /api/dead-letters?page=0&size=20&topic=forgeline.module.validated.dlq");
        assertThat(out.toString().lines()).containsExactly(
                "forgeline.module.validated.dlq:3:7  2026-12-02T10:00:00Z  forgeline.module.validated  key=run-1",
                "    reason: Unrecognized token",
                "    value:  {not json",
                "1 of 1 dead letters (page 0)");
    }

    @Test
    void replayByIdsPostsThemAndPrintsEachOutcome() {
        replayAnswer = """
                {"replayed":1,"alreadyReplayed":1,"notFound":0,"truncated":false,"results":[
                 {"id":"forgeline.module.validated.dlq:3:7","sourceTopic":"forgeline.module.validated","outcome":"replayed"},
                 {"id":"forgeline.run.results.dlq:0:1","sourceTopic":"forgeline.run.results","outcome":"alreadyReplayed"}]}""";
        assertThat(run("--api", api(), "dead-letters", "replay", "forgeline.module.validated.dlq:3:7",
                "forgeline.run.results.dlq:0:1")).isZero();
        assertThat(requests).singleElement().asString().isEqualTo("POST /api/dead-letters/replay "
                + "{\"ids\":[\"forgeline.module.validated.dlq:3:7\",\"forgeline.run.results.dlq:0:1\"]}");
        assertThat(out.toString()).contains(
                "replayed        forgeline.module.validated.dlq:3:7 -> forgeline.module.validated",
                "alreadyReplayed forgeline.run.results.dlq:0:1 -> forgeline.run.results",
                "replayed 1, already replayed 1, not found 0");
    }

    @Test
    void replayOfATopicPostsTheTopicAndAnIdNotFoundExits2() {
        replayAnswer = """
                {"replayed":0,"alreadyReplayed":0,"notFound":1,"truncated":false,"results":[
                 {"id":"forgeline.run.results.dlq:0:99","sourceTopic":null,"outcome":"notFound"}]}""";
        assertThat(run("dead-letters", "replay", "--topic", "forgeline.run.results.dlq", "--api", api()))
                .isEqualTo(2);
        assertThat(requests).singleElement().asString()
                .isEqualTo("POST /api/dead-letters/replay {\"topic\":\"forgeline.run.results.dlq\"}");
        assertThat(out.toString()).contains("notFound        forgeline.run.results.dlq:0:99", "not found 1");
    }

    @Test
    void replayNeedsIdsOrATopicButNotBoth() {
        assertThat(run("dead-letters", "replay", "--api", api())).isEqualTo(2);
        assertThat(err.toString()).contains("not neither");
        assertThat(run("dead-letters", "replay", "x:0:1", "--topic", "forgeline.run.results.dlq", "--api", api()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not both");
        assertThat(requests).isEmpty();
    }

    @Test
    void theInheritedApiReachesNestedCommands() throws IOException {
        assertThat(run("dead-letters", "list", "--api", "ftp://example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("--api", "ftp://example.org");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("dead-letters", "list", "--api", "http://127.0.0.1:" + port)).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach the gateway at http://127.0.0.1:" + port);
    }
}
