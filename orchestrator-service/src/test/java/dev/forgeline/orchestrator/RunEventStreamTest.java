package dev.forgeline.orchestrator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The SSE streams over real Kafka and PostgreSQL, compared with what forgeline.run.events holds. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunEventStreamTest extends DownstreamTest {
    private static final List<String> INDEPENDENT = List.of("config", "docker", "terraform", "utils", "database");
    private static final List<String> CHAIN = List.of("models", "services", "handlers", "routes", "tests");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static SseConnection events(UUID runId, Map<String, String> headers) {
        return SseConnection.open(uri("/api/runs/" + runId + "/events"), headers);
    }

    /** Plays worker and validator until the run SUCCEEDED. */
    private void succeed(UUID runId) {
        INDEPENDENT.forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
        CHAIN.forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
        downstream.answerRun(downstream.awaitValidateRun(runId, 1), true);
    }

    /** The run's event ids as the topic holds them, once its terminal event is there. */
    private List<String> topicEventIds(UUID runId) {
        await().atMost(WAIT).until(() -> downstream.eventsFor(runId).stream()
                .anyMatch(r -> r.value().contains("\"SUCCEEDED\"")));
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : downstream.eventsFor(runId)) {
            ids.add(Json.read(r.value(), RunEvent.class).eventId().toString());
        }
        return ids;
    }

    @Test
    void liveAndLateStreamsCarryTheTopicsEventsInOrderAndEndAfterTheTerminalEvent() {
        UUID runId = RunLifecycleTest.submit(RunLifecycleTest.spec());
        try (SseConnection live = events(runId, Map.of())) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.contentType()).startsWith("text/event-stream");
            succeed(runId);
            await().atMost(WAIT).until(live::ended);
            List<String> topic = topicEventIds(runId);
            assertThat(live.ids()).containsExactlyElementsOf(topic);
            RunEvent last = Json.read(live.frames().get(live.frames().size() - 1).data(), RunEvent.class);
            assertThat(last.status()).isEqualTo("SUCCEEDED");
            assertThat(live.frames()).allSatisfy(f -> assertThat(f.event()).isEqualTo("run-event"));

            try (SseConnection late = events(runId, Map.of())) {
                await().atMost(WAIT).until(late::ended);
                assertThat(late.ids()).containsExactlyElementsOf(topic);
            }
        }
    }

    @Test
    void resumingWithLastEventIdAfterADisconnectMissesAndRepeatsNothing() {
        UUID runId = RunLifecycleTest.submit(RunLifecycleTest.spec());
        List<String> before;
        try (SseConnection first = events(runId, Map.of())) {
            INDEPENDENT.forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
            await().atMost(WAIT).until(() -> first.ids().size() >= 8);
            before = first.ids();
        }
        CHAIN.forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
        downstream.answerRun(downstream.awaitValidateRun(runId, 1), true);
        List<String> topic = topicEventIds(runId);
        try (SseConnection resumed = events(runId, Map.of("Last-Event-ID", before.get(before.size() - 1)))) {
            await().atMost(WAIT).until(resumed::ended);
            List<String> all = new ArrayList<>(before);
            all.addAll(resumed.ids());
            assertThat(all).containsExactlyElementsOf(topic);
            assertThat(resumed.ids()).doesNotContainAnyElementsOf(before);
        }
    }

    @Test
    void twoHundredConcurrentSubscribersAllSeeTheTerminalEvent() {
        UUID runId = RunLifecycleTest.submit(RunLifecycleTest.spec());
        List<SseConnection> subscribers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                subscribers.add(events(runId, Map.of()));
            }
            succeed(runId);
            List<String> topic = topicEventIds(runId);
            await().atMost(WAIT).until(() -> subscribers.stream().allMatch(SseConnection::ended));
            assertThat(subscribers).allSatisfy(s -> assertThat(s.ids()).containsExactlyElementsOf(topic));
        } finally {
            subscribers.forEach(SseConnection::close);
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() {
        UUID runId = RunLifecycleTest.submit(RunLifecycleTest.spec());
        try (SseConnection idle = events(runId, Map.of())) {
            await().atMost(WAIT).until(() -> idle.comments().contains("keep-alive"));
            assertThat(idle.ended()).isFalse();
        }
    }

    @Test
    void allRunsStreamFiltersByRunAndByStatus() {
        UUID runId = RunLifecycleTest.submit(RunLifecycleTest.spec());
        try (SseConnection oneRun = SseConnection.open(uri("/api/events?run=" + runId), Map.of());
                SseConnection validated = SseConnection.open(uri("/api/events?status=VALIDATED"), Map.of())) {
            await().atMost(WAIT).until(() -> !oneRun.comments().isEmpty());
            succeed(runId);
            List<String> topic = topicEventIds(runId);
            await().atMost(WAIT).until(() -> oneRun.frames().stream().anyMatch(f -> f.data().contains("SUCCEEDED")));
            // The stream started after the submission: the run's first events may precede it, the rest are in order.
            assertThat(topic).endsWith(oneRun.ids().toArray(String[]::new));
            await().atMost(WAIT).until(() -> validated.frames().stream()
                    .filter(f -> f.data().contains(runId.toString())).count() == 10);
            assertThat(validated.frames()).allSatisfy(f -> assertThat(Json.read(f.data(), RunEvent.class).status())
                    .isEqualTo("VALIDATED"));
        }
    }

    @Test
    void unknownRunIsA404ProblemAndABadIdA400() {
        given().accept("text/event-stream").get("/api/runs/" + UUID.randomUUID() + "/events")
                .then().statusCode(404).contentType("application/problem+json");
        given().accept("text/event-stream").get("/api/runs/not-a-uuid/events")
                .then().statusCode(400).contentType("application/problem+json");
        UUID known = RunLifecycleTest.submit(RunLifecycleTest.spec());
        given().accept("text/event-stream").header("Last-Event-ID", "nope").get("/api/runs/" + known + "/events")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
