package dev.forgeline.orchestrator;

import static dev.forgeline.orchestrator.AuthTestSupport.asAdmin;
import static dev.forgeline.orchestrator.AuthTestSupport.createKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.RunActor;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.orchestrator.AuthTestSupport.Key;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The audit trail of a run (issue 15) and the web view's cookie session with its CSRF header. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAndSessionTest extends DownstreamTest {

    @BeforeAll
    void noDefaultToken() {
        TestAuth.sendNothingByDefault();
    }

    @Test
    void theSummaryAndTheRunEventsNameWhoSubmittedCancelledAndReplayed() {
        Key submitter = createKey("team-audit", "ci-bot", "user");
        Key colleague = createKey("team-audit", "alice", "user");
        UUID runId = AuthTestSupport.submit(submitter.as());
        JsonPath submitted = submitter.as().get("/api/runs").then().statusCode(200).extract().jsonPath();
        assertThat(submitted.getString("runs.find { it.id == '" + runId + "' }.submittedBy.keyName"))
                .isEqualTo("ci-bot");
        colleague.as().post("/api/runs/" + runId + "/cancel").then().statusCode(200);
        asAdmin().contentType("application/json").body("{}").post("/api/runs/" + runId + "/replay").then()
                .statusCode(202);

        JsonPath run = submitter.as().get("/api/runs/" + runId).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("submittedBy.tenant")).isEqualTo("team-audit");
        assertThat(run.getString("submittedBy.keyName")).isEqualTo("ci-bot");
        assertThat(run.getList("audit.action", String.class)).containsExactly("SUBMITTED", "CANCELLED", "REPLAYED");
        assertThat(run.getList("audit.keyName", String.class)).containsExactly("ci-bot", "alice", "admin");
        assertThat(run.getList("audit.tenant", String.class)).containsExactly("team-audit", "team-audit", "admin");
        assertThat(run.getList("audit.at", String.class)).doesNotContainNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> actors(runId).size() == 3);
        assertThat(actors(runId)).containsExactly(new RunActor("team-audit", "ci-bot"),
                new RunActor("team-audit", "alice"), new RunActor("admin", "admin"));
        List<RunEvent> events = downstream.eventsFor(runId).stream().map(r -> Json.read(r.value(), RunEvent.class))
                .toList();
        assertThat(events).allSatisfy(e -> assertThat(e.tenant()).isEqualTo("team-audit"));
        assertThat(events.get(0).actor()).isEqualTo(new RunActor("team-audit", "ci-bot"));
        for (ConsumerRecord<String, String> r : downstream.eventsFor(runId)) {
            assertThat(r.value()).doesNotContain(submitter.token(), colleague.token(), TestAuth.ADMIN_KEY);
        }
    }

    /** The distinct actors on the run's events on Kafka, in order. */
    private List<RunActor> actors(UUID runId) {
        return downstream.eventsFor(runId).stream().map(r -> Json.read(r.value(), RunEvent.class).actor())
                .filter(a -> a != null).distinct().toList();
    }

    @Test
    void theSessionCookieAuthenticatesReadsAndWritesOnlyWithTheCsrfHeader() {
        Key key = createKey("team-web", "browser", "user");
        Response signIn = given().contentType("application/json").body("{\"key\":\"" + key.token() + "\"}")
                .post("/api/session");
        assertThat(signIn.statusCode()).isEqualTo(204);
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("forgeline_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/api").doesNotContain("Secure");
        Cookie session = signIn.getDetailedCookie("forgeline_session");

        JsonPath me = given().cookie(session).get("/api/whoami").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("tenant")).isEqualTo("team-web");
        given().cookie(session).get("/api/runs").then().statusCode(200);

        Response noCsrf = given().cookie(session).contentType("application/json").body(RunLifecycleTest.spec())
                .post("/api/runs");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.jsonPath().getString("detail")).contains("X-Forgeline-Csrf");
        given().cookie(session).header("X-Forgeline-Csrf", "1").contentType("application/json")
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(202);

        Response signOut = given().delete("/api/session");
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.header("Set-Cookie")).startsWith("forgeline_session=").contains("Max-Age=0")
                .doesNotContain(key.token());
    }

    @Test
    void aSessionBehindHttpsGetsASecureCookie() {
        Key key = createKey("team-web", "tls", "user");
        String setCookie = given().header("X-Forwarded-Proto", "https").contentType("application/json")
                .body("{\"key\":\"" + key.token() + "\"}").post("/api/session").then().statusCode(204).extract()
                .header("Set-Cookie");
        assertThat(setCookie).contains("Secure");
    }

    @Test
    void anInvalidSignInIsThe401AndSetsNoCookie() {
        Response refused = given().contentType("application/json").body("{\"key\":\"flk_" + "B".repeat(43) + "\"}")
                .post("/api/session");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.jsonPath().getString("detail")).isEqualTo("a valid bearer token is required");
        given().contentType("application/json").body("{}").post("/api/session").then().statusCode(401);
        // A cross-site form cannot sign a browser in: only JSON is accepted.
        given().contentType("application/x-www-form-urlencoded").formParam("key", "x").post("/api/session").then()
                .statusCode(415);
        // A revoked key's cookie stops working.
        Key key = createKey("team-web", "short-lived", "user");
        Cookie session = given().contentType("application/json").body("{\"key\":\"" + key.token() + "\"}")
                .post("/api/session").then().statusCode(204).extract().detailedCookie("forgeline_session");
        asAdmin().delete("/api/admin/keys/" + key.id()).then().statusCode(204);
        given().cookie(session).get("/api/whoami").then().statusCode(401);
    }
}
