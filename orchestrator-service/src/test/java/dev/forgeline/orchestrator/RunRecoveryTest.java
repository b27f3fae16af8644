package dev.forgeline.orchestrator;

import static dev.forgeline.orchestrator.RunLifecycleTest.moduleStatus;
import static dev.forgeline.orchestrator.RunLifecycleTest.run;
import static dev.forgeline.orchestrator.RunLifecycleTest.spec;
import static dev.forgeline.orchestrator.RunLifecycleTest.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.orchestrator.service.RetentionSweeper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Leases, deadlines, invalid control requests and retention over real Kafka and PostgreSQL, with short timers. */
@QuarkusTest
@TestProfile(ShortTimersProfile.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunRecoveryTest extends DownstreamTest {
    @Inject
    RetentionSweeper retention;
    @Inject
    Pool pool;

    @Test
    void moduleWithoutAVerdictIsDispatchedAgainWhenItsLeaseExpires() {
        UUID runId = submit(spec());
        GenerateModule first = downstream.awaitCommand(runId, "database", 1);
        GenerateModule second = downstream.awaitCommand(runId, "database", 2);
        assertThat(second.commandId()).isNotEqualTo(first.commandId());
        downstream.pass(first);
        // The lease is 1 s: on a loaded machine the second attempt can expire too before its verdict lands, and
        // then the third one is the one to answer (the profile allows enough attempts).
        int answered = 1;
        while (!"VALIDATED".equals(moduleStatus(runId, "database"))) {
            int seen = answered;
            await().atMost(Duration.ofSeconds(10)).until(() -> "VALIDATED".equals(moduleStatus(runId, "database"))
                    || latestAttempt(runId, "database") > seen);
            if (latestAttempt(runId, "database") > answered) {
                answered = latestAttempt(runId, "database");
                downstream.pass(downstream.awaitCommand(runId, "database", answered));
            }
        }
        List<String> statuses = run(runId).getList("modules.find { it.module == 'database' }.attempts.status",
                String.class);
        assertThat(statuses).hasSize(answered).startsWith("EXPIRED").endsWith("PASSED");
        assertThat(statuses.subList(0, answered - 1)).containsOnly("EXPIRED");
    }

    private int latestAttempt(UUID runId, String module) {
        return downstream.commandsFor(runId).stream().filter(c -> c.module().equals(module))
                .mapToInt(GenerateModule::attempt).max().orElse(0);
    }

    @Test
    void runPastItsDeadlineIsTimedOutWithTheReason() {
        UUID runId = submit(spec());
        await().atMost(Duration.ofSeconds(30)).until(() -> run(runId).getString("status").equals("TIMED_OUT"));
        var view = run(runId);
        assertThat(view.getString("reason")).startsWith("TIMED_OUT").contains("deadline");
        assertThat(view.getList("modules.status", String.class)).doesNotContain("PENDING", "DISPATCHED",
                "RETRY_SCHEDULED");
    }

    @Test
    void invalidReplayAndCancelRequestsGetClearAnswers() {
        UUID unknown = UUID.randomUUID();
        given().post("/api/runs/" + unknown + "/replay").then().statusCode(404).contentType("application/problem+json");
        given().post("/api/runs/" + unknown + "/cancel").then().statusCode(404);
        given().post("/api/runs/not-a-uuid/cancel").then().statusCode(400);
        UUID runId = submit(spec());
        given().post("/api/runs/" + runId + "/replay").then().statusCode(409);
        given().post("/api/runs/" + runId + "/cancel").then().statusCode(200);
        given().contentType("application/json").body("{\"modules\": [\"frontend\"]}")
                .post("/api/runs/" + runId + "/replay").then().statusCode(400)
                .body("violations[0].rule", org.hamcrest.Matchers.equalTo("module.unknown"));
        given().post("/api/runs/" + runId + "/cancel").then().statusCode(409);
        given().contentType("application/json").body("{\"modules\": 3}")
                .post("/api/runs/" + runId + "/replay").then().statusCode(400);
    }

    @Test
    void retentionDeletesOldFinishedRunsButNeverUnfinishedOnes() {
        UUID finished = submit(spec());
        given().post("/api/runs/" + finished + "/cancel").then().statusCode(200);
        UUID running = submit(spec());
        // Old by every timestamp but its deadline: only its status keeps it (a sweep by age alone would delete it).
        pool.preparedQuery("update runs set created_at = now() - interval '1 hour', updated_at = now() - interval"
                + " '1 hour', started_at = now() - interval '1 hour' where id = $1").execute(Tuple.of(running))
                .await().atMost(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            retention.deleteExpired().await().atMost(Duration.ofSeconds(5));
            return given().get("/api/runs/" + finished).statusCode() == 404;
        });
        given().get("/api/runs/" + running).then().statusCode(200);
        assertThat(run(running).getString("status")).isIn("RUNNING", "VALIDATING");
        assertThat(pool.preparedQuery("select created_at from runs where id = $1").execute(Tuple.of(running))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getOffsetDateTime(0).toInstant())
                .as("the unfinished run kept is older than the retention age")
                .isBefore(java.time.Instant.now().minus(Duration.ofMinutes(30)));
    }
}
