package dev.forgeline.orchestrator;

import static dev.forgeline.orchestrator.AuthTestSupport.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.orchestrator.AuthTestSupport.Key;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Tokens are secrets (issue 15): a canary key, used for everything a key can do, and canary bad tokens are never in
 * a log line, a run event on Kafka or a response body (as for the LLM key in generator-worker).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenCanaryTest extends DownstreamTest {
    private static final String CANARY_NOT_A_KEY = "canary-token-4b1d7e93c0a2f5";
    private static final String CANARY_KEY_SHAPED = "flk_canaryCanaryCanaryCanaryCanaryCanary1234567";
    private static final String CANARY_JWT_SHAPED = "eyJhbGciOiJSUzI1NiJ9.eyJjYW5hcnkiOiJ5ZXMifQ.Y2FuYXJ5LXNpZw";

    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logLines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    void capture() {
        TestAuth.sendNothingByDefault();
        java.util.logging.Logger.getLogger("").addHandler(logCapture);
    }

    @AfterAll
    void release() {
        java.util.logging.Logger.getLogger("").removeHandler(logCapture);
    }

    private Response keep(Response r) {
        bodies.add(r.asString());
        r.headers().asList().stream().filter(h -> !h.getName().equalsIgnoreCase("Set-Cookie"))
                .forEach(h -> bodies.add(h.getName() + ": " + h.getValue()));
        return r;
    }

    @Test
    void noTokenAppearsInLogsRunEventsOrResponses() {
        Key key = AuthTestSupport.createKey("team-canary", "canary", "user");
        String canary = key.token();
        assertThat(CANARY_KEY_SHAPED).hasSize(47);

        UUID runId = UUID.fromString(keep(key.as().contentType("application/json").body(RunLifecycleTest.spec())
                .post("/api/runs")).then().statusCode(202).extract().path("id"));
        keep(key.as().get("/api/runs/" + runId));
        keep(key.as().get("/api/runs"));
        keep(key.as().get("/api/runs/" + runId + "/files"));
        keep(key.as().get("/api/whoami"));
        keep(key.as().post("/api/runs/" + runId + "/cancel"));
        keep(key.as().contentType("application/json").body("{}").post("/api/runs/" + runId + "/replay"));
        keep(key.as().contentType("application/json").body("{\"modules\":[\"nope\"]}")
                .post("/api/runs/" + runId + "/replay"));
        keep(key.as().get("/api/admin/keys"));
        keep(asAdmin().get("/api/admin/keys"));
        keep(given().contentType("application/json").body("{\"key\":\"" + canary + "\"}").post("/api/session"));
        for (String bad : List.of(CANARY_NOT_A_KEY, CANARY_KEY_SHAPED, CANARY_JWT_SHAPED)) {
            keep(given().header("Authorization", "Bearer " + bad).get("/api/runs"));
            keep(given().cookie("forgeline_session", bad).get("/api/runs/" + runId));
            keep(given().contentType("application/json").body("{\"key\":\"" + bad + "\"}").post("/api/session"));
        }
        try (SseConnection events = SseConnection.open(URI.create("http://localhost:" + RestAssured.port
                + "/api/runs/" + runId + "/events"), Map.of("Authorization", key.bearer()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.frames().size() >= 3);
            events.frames().forEach(f -> bodies.add(f.data()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> downstream.eventsFor(runId).size() >= 3);

        List<String> secrets = List.of(canary, CANARY_NOT_A_KEY, CANARY_KEY_SHAPED, CANARY_JWT_SHAPED,
                TestAuth.ADMIN_KEY);
        assertThat(logLines).as("log lines").isNotEmpty();
        for (String secret : secrets) {
            assertThat(logLines).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(bodies).as("responses").noneMatch(body -> body.contains(secret));
            assertThat(downstream.allEvents()).as("run events")
                    .noneMatch(r -> r.value().contains(secret) || r.key().contains(secret));
        }
        assertThat(bodies).anyMatch(b -> b.contains("team-canary"));
    }
}
