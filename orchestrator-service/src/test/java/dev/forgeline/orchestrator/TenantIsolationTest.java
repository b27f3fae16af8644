package dev.forgeline.orchestrator;

import static dev.forgeline.orchestrator.AuthTestSupport.asAdmin;
import static dev.forgeline.orchestrator.AuthTestSupport.createKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.orchestrator.AuthTestSupport.Key;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Every run belongs to its tenant (issue 15): another tenant's run is an unknown run everywhere. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest extends DownstreamTest {
    private Key teamA;
    private Key teamB;

    @BeforeAll
    void noDefaultToken() {
        TestAuth.sendNothingByDefault();
    }

    /** Not in @BeforeAll: RestAssured learns the application's port only before each test. */
    @BeforeEach
    void keys() {
        if (teamA == null) {
            teamA = createKey("team-a", "ci", "user");
            teamB = createKey("team-b", "ci", "user");
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    @Test
    void anotherTenantsRunIsA404OnEveryEndpointThatNamesIt() {
        UUID runB = AuthTestSupport.submit(teamB.as());
        downstream.pass(downstream.awaitCommand(runB, "config", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> teamB.as().get("/api/runs/" + runB + "/files")
                .then().extract().jsonPath().getList("").size() > 0);
        String file = teamB.as().get("/api/runs/" + runB + "/files").then().statusCode(200).extract()
                .jsonPath().getString("[0].path");
        UUID unknown = UUID.randomUUID();

        for (String suffix : List.of("", "/files", "/files/" + file, "/archive")) {
            Response theirs = teamA.as().get("/api/runs/" + runB + suffix);
            Response none = teamA.as().get("/api/runs/" + unknown + suffix);
            assertThat(theirs.statusCode()).as(suffix).isEqualTo(404);
            assertSameProblem(theirs, none, runB, unknown);
            teamB.as().get("/api/runs/" + runB + suffix).then().statusCode(200);
            asAdmin().get("/api/runs/" + runB + suffix).then().statusCode(200);
        }
        Response sse = teamA.as().accept("text/event-stream").get("/api/runs/" + runB + "/events");
        assertThat(sse.statusCode()).isEqualTo(404);
        assertSameProblem(sse, teamA.as().accept("text/event-stream").get("/api/runs/" + unknown + "/events"),
                runB, unknown);
        assertThat(teamA.as().accept("application/json").get("/api/runs/" + runB + "/events").statusCode())
                .isEqualTo(404);
        try (SseConnection stream = SseConnection.open(uri("/api/runs/" + runB + "/events"),
                Map.of("Authorization", teamA.bearer()))) {
            assertThat(stream.status()).isEqualTo(404);
        }
        Response cancel = teamA.as().post("/api/runs/" + runB + "/cancel");
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertSameProblem(cancel, teamA.as().post("/api/runs/" + unknown + "/cancel"), runB, unknown);
        Response replay = teamA.as().contentType("application/json").body("{}").post("/api/runs/" + runB + "/replay");
        assertThat(replay.statusCode()).isEqualTo(404);
        assertSameProblem(replay, teamA.as().contentType("application/json").body("{}")
                .post("/api/runs/" + unknown + "/replay"), runB, unknown);

        // Nothing happened to the run: still RUNNING, no audit entry but the submission.
        JsonPath run = teamB.as().get("/api/runs/" + runB).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).isEqualTo("RUNNING");
        assertThat(run.getList("audit.action", String.class)).containsExactly("SUBMITTED");
        try (SseConnection own = SseConnection.open(uri("/api/runs/" + runB + "/events"),
                Map.of("Authorization", teamB.bearer()))) {
            assertThat(own.status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !teamB.as().accept("application/json")
                .get("/api/runs/" + runB + "/events").then().statusCode(200).extract().jsonPath()
                .getList("runId", String.class).isEmpty());
        assertThat(teamB.as().accept("application/json").get("/api/runs/" + runB + "/events").then().extract()
                .jsonPath().getList("runId", String.class)).containsOnly(runB.toString());
    }

    private static void assertSameProblem(Response theirs, Response none, UUID theirId, UUID unknownId) {
        assertThat(theirs.statusCode()).isEqualTo(none.statusCode());
        assertThat(theirs.contentType()).isEqualTo(none.contentType());
        assertThat(theirs.asString().replace(theirId.toString(), "ID"))
                .isEqualTo(none.asString().replace(unknownId.toString(), "ID"));
    }

    @Test
    void listsShowOnlyTheCallersTenantAndAdminsSeeAll() {
        UUID runA = AuthTestSupport.submit(teamA.as());
        UUID runB = AuthTestSupport.submit(teamB.as());
        List<String> aList = teamA.as().queryParam("size", 100).get("/api/runs").then().statusCode(200).extract()
                .jsonPath().getList("runs.id", String.class);
        List<String> bList = teamB.as().queryParam("size", 100).get("/api/runs").then().statusCode(200).extract()
                .jsonPath().getList("runs.id", String.class);
        List<String> all = asAdmin().queryParam("size", 100).get("/api/runs").then().statusCode(200).extract()
                .jsonPath().getList("runs.id", String.class);
        assertThat(aList).contains(runA.toString()).doesNotContain(runB.toString());
        assertThat(bList).contains(runB.toString()).doesNotContain(runA.toString());
        assertThat(all).contains(runA.toString(), runB.toString());
        int aTotal = teamA.as().get("/api/runs").then().extract().path("total");
        assertThat(aTotal).isEqualTo(aList.size());
        List<String> aRunning = teamA.as().queryParam("status", "RUNNING").queryParam("size", 100).get("/api/runs")
                .then().statusCode(200).extract().jsonPath().getList("runs.id", String.class);
        assertThat(aRunning).contains(runA.toString()).doesNotContain(runB.toString());
    }

    @Test
    void theEventStreamCarriesOnlyTheCallersTenantsRuns() {
        try (SseConnection a = SseConnection.open(uri("/api/events"), Map.of("Authorization", teamA.bearer()));
                SseConnection admin = SseConnection.open(uri("/api/events"), Map.of())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !a.comments().isEmpty() && !admin.comments().isEmpty());
            UUID runB = AuthTestSupport.submit(teamB.as());
            UUID runA = AuthTestSupport.submit(teamA.as());
            await().atMost(Duration.ofSeconds(30)).until(() -> runsIn(admin).containsAll(List.of(runA, runB))
                    && runsIn(a).contains(runA));
            // Every listener is handed each event in the same call: the admin's stream has B's, A's never will.
            assertThat(runsIn(a)).doesNotContain(runB);
            assertThat(a.frames()).allSatisfy(f -> assertThat(Json.read(f.data(), RunEvent.class).tenant())
                    .isEqualTo("team-a"));
        }
    }

    private static List<UUID> runsIn(SseConnection stream) {
        return stream.frames().stream().map(f -> Json.read(f.data(), RunEvent.class).runId()).distinct().toList();
    }

    @Test
    void anIdempotencyKeyBelongsToItsTenant() {
        String key = "shared-" + UUID.randomUUID();
        String a1 = teamA.as().contentType("application/json").header("Idempotency-Key", key)
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(202).extract().path("id");
        String b1 = teamB.as().contentType("application/json").header("Idempotency-Key", key)
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(202).extract().path("id");
        String a2 = teamA.as().contentType("application/json").header("Idempotency-Key", key)
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(200).extract().path("id");
        assertThat(b1).isNotEqualTo(a1);
        assertThat(a2).isEqualTo(a1);
        teamB.as().get("/api/runs/" + a1).then().statusCode(404);
    }
}
