package dev.forgeline.orchestrator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import dev.forgeline.testkit.TopicReaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Dead letters over real Kafka and PostgreSQL: listed with their reason, re-published to their source topic once. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayTest extends DownstreamTest {
    private static final String REPLAY_OF = "forgeline-replay-of";

    @Test
    void poisonVerdictLandsOnTheDeadLetterTopicAndIsListedWithItsReason() {
        String key = "poison-" + UUID.randomUUID();
        downstream.produce(Topics.MODULE_VALIDATED, key, "{not json " + key);

        await().atMost(Duration.ofSeconds(30)).until(() -> listed(Topics.MODULE_VALIDATED_DLQ, key) != null);
        Map<String, Object> poison = listed(Topics.MODULE_VALIDATED_DLQ, key);
        assertThat(poison.get("id").toString()).startsWith(Topics.MODULE_VALIDATED_DLQ + ":");
        assertThat(poison.get("sourceTopic")).isEqualTo(Topics.MODULE_VALIDATED);
        assertThat(poison.get("reason").toString()).isNotBlank();
        assertThat(poison.get("preview")).isEqualTo("{not json " + key);
        assertThat(poison.get("time")).isNotNull();
        assertThat(poison.get("replayed")).isEqualTo(false);
        assertThat(poison.get("replayedAt")).isNull();
        // The source topic's name selects its dead-letter topic too, and no filter lists every dead-letter topic.
        assertThat(listed(Topics.MODULE_VALIDATED, key)).containsEntry("id", poison.get("id"));
        assertThat(listed("", key)).containsEntry("id", poison.get("id"));
        assertThat(listed(Topics.RUN_RESULTS_DLQ, key)).isNull();
    }

    @Test
    void aLongValueIsPreviewedInAtMost200Characters() {
        String key = "long-" + UUID.randomUUID();
        String value = "x".repeat(5000);
        produce(new ProducerRecord<>(Topics.RUN_RESULTS_DLQ, key, value));

        Map<String, Object> entry = listed(Topics.RUN_RESULTS_DLQ, key);
        assertThat(entry).isNotNull();
        assertThat(entry.get("preview").toString()).hasSize(200).isEqualTo(value.substring(0, 200));
        assertThat(entry.get("valueBytes")).isEqualTo(5000);
        assertThat(entry.get("sourceTopic")).isEqualTo(Topics.RUN_RESULTS);
    }

    @Test
    void deadLetteredVerdictIsReplayedOnceAndCompletesItsModuleAndRun() {
        UUID runId = RunLifecycleTest.submit(RunLifecycleTest.spec());
        for (String m : List.of("config", "docker", "terraform", "utils", "database", "models", "services",
                "handlers", "routes")) {
            downstream.pass(downstream.awaitCommand(runId, m, 1));
        }
        // The verdict of the last module failed to apply while its run was briefly unavailable: it is on the DLQ.
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.MODULE_VALIDATED_DLQ, runId.toString(),
                Json.write(passing(downstream.awaitCommand(runId, "tests", 1))));
        dead.headers().add("ce_type", CloudEventTypes.MODULE_VALIDATED.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", Topics.MODULE_VALIDATED.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-reason", "run briefly unavailable".getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition", "3".getBytes(StandardCharsets.UTF_8));
        produce(dead);
        Map<String, Object> listed = listed(Topics.MODULE_VALIDATED_DLQ, runId.toString());
        assertThat(listed.get("reason")).isEqualTo("run briefly unavailable");
        String id = listed.get("id").toString();
        assertThat(RunLifecycleTest.moduleStatus(runId, "tests")).isEqualTo("DISPATCHED");

        JsonPath first = replay("{\"ids\": [\"" + id + "\"]}");
        assertThat(first.getInt("replayed")).isEqualTo(1);
        assertThat(first.getString("results[0].outcome")).isEqualTo("replayed");
        assertThat(first.getString("results[0].sourceTopic")).isEqualTo(Topics.MODULE_VALIDATED);

        downstream.answerRun(downstream.awaitValidateRun(runId, 1), true);
        await().atMost(Duration.ofSeconds(30)).until(() -> RunLifecycleTest.run(runId).getString("status")
                .equals("SUCCEEDED"));
        assertThat(RunLifecycleTest.moduleStatus(runId, "tests")).isEqualTo("VALIDATED");

        JsonPath second = replay("{\"ids\": [\"" + id + "\", \"" + id + "\"]}");
        assertThat(second.getInt("replayed")).isZero();
        assertThat(second.getInt("alreadyReplayed")).isEqualTo(1);
        assertThat(second.getString("results[0].outcome")).isEqualTo("alreadyReplayed");

        // Each replay answers after Kafka acknowledged its sends: the topic up to its end holds exactly one copy.
        List<ConsumerRecord<String, String>> copies = recordsReplayedFrom(Topics.MODULE_VALIDATED, List.of(id));
        assertThat(copies).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(runId.toString());
            assertThat(r.value()).isEqualTo(dead.value());
            assertThat(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(CloudEventTypes.MODULE_VALIDATED);
            assertThat(r.headers()).noneMatch(h -> h.key().startsWith("dead-letter-"));
        });
        Map<String, Object> after = listed(Topics.MODULE_VALIDATED_DLQ, runId.toString());
        assertThat(after.get("replayed")).isEqualTo(true);
        assertThat(after.get("replayedAt")).isNotNull();
        assertThat(RunLifecycleTest.run(runId).getList("modules.find { it.module == 'tests' }.attempts"))
                .hasSize(1);
    }

    @Test
    void replayOfATopicRepublishesEachOfItsRecordsOnce() {
        String key = UUID.randomUUID() + ":database";
        produce(new ProducerRecord<>(Topics.MODULE_COMMANDS_DLQ, key, "{\"first\": 1}"));
        produce(new ProducerRecord<>(Topics.MODULE_COMMANDS_DLQ, key, "{\"second\": 2}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listedAll(Topics.MODULE_COMMANDS_DLQ, key).size() == 2);
        List<String> ids = listedAll(Topics.MODULE_COMMANDS_DLQ, key).stream().map(e -> e.get("id").toString())
                .toList();

        JsonPath first = replay("{\"topic\": \"" + Topics.MODULE_COMMANDS_DLQ + "\"}");
        assertThat(first.getList("results.findAll { it.outcome == 'replayed' }.id",
                String.class)).containsAll(ids);
        JsonPath second = replay("{\"topic\": \"" + Topics.MODULE_COMMANDS_DLQ + "\"}");
        assertThat(second.getInt("replayed")).isZero();
        assertThat(second.getList("results.findAll { it.outcome == 'alreadyReplayed' }.id", String.class))
                .containsAll(ids);

        List<ConsumerRecord<String, String>> copies = recordsReplayedFrom(Topics.MODULE_COMMANDS, ids);
        assertThat(copies).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("{\"first\": 1}", "{\"second\": 2}");
    }

    @Test
    void anIdThatNamesNoRetainedRecordIsNotFound() {
        JsonPath result = replay("{\"ids\": [\"" + Topics.RUN_COMMANDS_DLQ + ":0:987654321\"]}");
        assertThat(result.getInt("notFound")).isEqualTo(1);
        assertThat(result.getString("results[0].outcome")).isEqualTo("notFound");
    }

    @Test
    void badPagingUnknownTopicsAndBadReplayRequestsAre400sNamingTheProblem() {
        assertListRejected("page=-1", "page");
        assertListRejected("size=0", "size");
        assertListRejected("size=101", "size");
        assertListRejected("size=abc", "size");
        assertListRejected("topic=forgeline.nope", "topic");
        assertListRejected("topic=" + Topics.RUN_EVENTS, "topic");

        assertReplayRejected("", "$");
        assertReplayRejected("{", "$");
        assertReplayRejected("{}", "$");
        assertReplayRejected("{\"ids\": [], \"topic\": \"" + Topics.MODULE_VALIDATED_DLQ + "\"}", "$");
        assertReplayRejected("{\"ids\": []}", "ids");
        assertReplayRejected("{\"ids\": [\"" + Topics.MODULE_VALIDATED_DLQ + ":0:1\", \"nope\"]}", "ids[1]");
        assertReplayRejected("{\"ids\": [\"" + Topics.RUN_EVENTS + ".dlq:0:1\"]}", "ids[0]");
        assertReplayRejected("{\"topic\": \"forgeline.nope\"}", "topic");
    }

    private static void assertListRejected(String query, String path) {
        JsonPath problem = given().get("/api/dead-letters?" + query).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.path", String.class)).as(query).contains(path);
    }

    private static void assertReplayRejected(String body, String path) {
        JsonPath problem = given().contentType("application/json").body(body).post("/api/dead-letters/replay")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.path", String.class)).as(body).contains(path);
    }

    private static JsonPath replay(String body) {
        return given().contentType("application/json").body(body).post("/api/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The newest listed dead letter with this key, or {@code null}. */
    private static Map<String, Object> listed(String topic, String key) {
        List<Map<String, Object>> all = listedAll(topic, key);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Map<String, Object>> listedAll(String topic, String key) {
        JsonPath page = given().queryParam("topic", topic).queryParam("size", 100).get("/api/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("deadLetters.findAll { it.key == '" + key + "' }");
    }

    private void produce(ProducerRecord<String, String> record) {
        downstream.companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    private static ModuleValidated passing(GenerateModule command) {
        List<GeneratedFile> files = command.plan().files().stream()
                .map(f -> GeneratedFile.of(f.path(), "// " + f.path() + "\n")).toList();
        return new ModuleValidated(command.commandId(), command.runId(), command.module(), command.attempt(), true,
                true, 1.0, List.of(), files, "template", "fake-worker", 1, 1);
    }

    /** Every record of the topic, up to its current end, that re-publishes one of the dead letters. */
    private List<ConsumerRecord<String, String>> recordsReplayedFrom(String topic, List<String> ids) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReaders.fromBeginning(bootstrap, List.of(topic))) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    var header = r.headers().lastHeader(REPLAY_OF);
                    if (header != null && ids.contains(new String(header.value(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                }
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return found;
    }
}
