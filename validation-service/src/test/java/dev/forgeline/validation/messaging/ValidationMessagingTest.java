package dev.forgeline.validation.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.CloudEventHeaders;
import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.testkit.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The service over a real Kafka broker (the testkit's): answers, headers, keys and dead-lettering. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ValidationMessagingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    private KafkaCompanion companion;

    @BeforeEach
    void connect() {
        companion = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        companion.close();
    }

    private ConsumerTask<String, String> answersFor(String topic, UUID runId) {
        return companion.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic, multi -> multi.select().where(r -> runId.toString().equals(r.key())));
    }

    private void produce(String topic, UUID runId, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(topic, runId.toString(), value))
                .awaitCompletion(TIMEOUT);
    }

    private static ModuleGenerated moduleGenerated(UUID runId, String content) {
        ModulePlan plan = new ModulePlan("utils", false, List.of(), List.of(
                new PlannedFile("src/utils/errors.js", true, "utils/errors.js", null)));
        return new ModuleGenerated(runId + "/utils/1", runId, "utils", 1, GenerationOutcome.GENERATED, null, false,
                List.of(GeneratedFile.of("src/utils/errors.js", content)), plan, List.of(), "template", "w-1", 12);
    }

    @Test
    void generatedModuleIsAnsweredOnModuleValidatedKeyedByRunIdWithCloudEventHeaders() {
        UUID runId = UUID.randomUUID();
        try (ConsumerTask<String, String> answers = answersFor(Topics.MODULE_VALIDATED, runId)) {
            produce(Topics.MODULE_GENERATED, runId, Json.write(moduleGenerated(runId,
                    "class NotFound extends Error {}\nmodule.exports = { NotFound };\n")));

            ConsumerRecord<String, String> record = answers.awaitRecords(1, TIMEOUT).getFirstRecord();

            assertThat(record.key()).isEqualTo(runId.toString());
            assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_TYPE))
                    .isEqualTo(CloudEventTypes.MODULE_VALIDATED);
            assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_SOURCE))
                    .isEqualTo("forgeline/validation-service");
            assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_ID)).isNotBlank();
            assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_TIME)).isNotBlank();
            ModuleValidated verdict = Json.read(record.value(), ModuleValidated.class);
            assertThat(verdict.runId()).isEqualTo(runId);
            assertThat(verdict.commandId()).isEqualTo(runId + "/utils/1");
            assertThat(verdict.passed()).isTrue();
            assertThat(verdict.coverage()).isEqualTo(1.0);
            assertThat(verdict.files()).hasSize(1);
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("forgeline_validation_modules_total{passed=\"true\""));
    }

    @Test
    void rejectedModuleIsAnsweredTooWithItsIssues() {
        UUID runId = UUID.randomUUID();
        try (ConsumerTask<String, String> answers = answersFor(Topics.MODULE_VALIDATED, runId)) {
            produce(Topics.MODULE_GENERATED, runId, Json.write(moduleGenerated(runId,
                    "```js\nmodule.exports = {};\n```\n")));

            ModuleValidated verdict = Json.read(answers.awaitRecords(1, TIMEOUT).getFirstRecord().value(),
                    ModuleValidated.class);

            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.retryable()).isTrue();
            assertThat(verdict.issues()).anyMatch(i -> i.rule().equals("fence.markdown"));
        }
    }

    @Test
    void validateRunIsAnsweredOnRunResultsKeyedByRunId() {
        UUID runId = UUID.randomUUID();
        ValidateRun command = new ValidateRun(runId + "/validate/1", runId, 1, "express-js",
                List.of(new ModuleOutcome("config", ModuleStatus.VALIDATED, false, 1, List.of("package.json"), 1, null),
                        new ModuleOutcome("handlers", ModuleStatus.FAILED, true, 3, List.of(), 0, "js.syntax")),
                List.of(new RunFile("config", "package.json", "{}", GeneratedFile.sha256("{}"))));
        try (ConsumerTask<String, String> answers = answersFor(Topics.RUN_RESULTS, runId)) {
            produce(Topics.RUN_COMMANDS, runId, Json.write(command));

            ConsumerRecord<String, String> record = answers.awaitRecords(1, TIMEOUT).getFirstRecord();

            assertThat(record.key()).isEqualTo(runId.toString());
            assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_TYPE))
                    .isEqualTo(CloudEventTypes.RUN_VALIDATED);
            RunValidated verdict = Json.read(record.value(), RunValidated.class);
            assertThat(verdict.runId()).isEqualTo(runId);
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.missingCriticalModules()).containsExactly("handlers");
            assertThat(verdict.reason()).startsWith("FAILED: 1/2 modules validated (50.0% < 95%)")
                    .contains("critical module handlers FAILED: js.syntax");
        }
    }

    @Test
    void malformedModuleRecordGoesToTheDlqWithAReasonAndTheNextRecordIsStillAnswered() {
        UUID runId = UUID.randomUUID();
        try (ConsumerTask<String, String> dead = answersFor(Topics.MODULE_GENERATED_DLQ, runId);
                ConsumerTask<String, String> answers = answersFor(Topics.MODULE_VALIDATED, runId)) {
            produce(Topics.MODULE_GENERATED, runId, "{not json at all");
            produce(Topics.MODULE_GENERATED, runId, "{\"module\":\"utils\",\"outcome\":\"GENERATED\"}");
            produce(Topics.MODULE_GENERATED, runId, Json.write(moduleGenerated(runId, "module.exports = 1;\n")));

            // Modules are validated two at a time, unordered (the consumer's worker pool), so the two dead letters
            // may arrive in either order: each is matched with its own reason.
            List<ConsumerRecord<String, String>> deadRecords = dead.awaitRecords(2, TIMEOUT).getRecords();
            assertThat(deadRecords).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{not json at all",
                    "{\"module\":\"utils\",\"outcome\":\"GENERATED\"}");
            for (ConsumerRecord<String, String> deadRecord : deadRecords) {
                String reason = KafkaCompanion.getHeader(deadRecord.headers(), "dead-letter-reason");
                assertThat(reason).as("reason of %s", deadRecord.value())
                        .contains(deadRecord.value().startsWith("{not json") ? "ModuleGenerated" : "runId is missing");
                assertThat(KafkaCompanion.getHeader(deadRecord.headers(), "dead-letter-topic"))
                        .isEqualTo(Topics.MODULE_GENERATED);
            }

            ModuleValidated verdict = Json.read(answers.awaitRecords(1, TIMEOUT).getFirstRecord().value(),
                    ModuleValidated.class);
            assertThat(verdict.runId()).isEqualTo(runId);
            assertThat(verdict.passed()).isTrue();
        }
    }

    @Test
    void malformedRunCommandGoesToTheDlqAndTheNextCommandIsStillAnswered() {
        UUID runId = UUID.randomUUID();
        ValidateRun command = new ValidateRun(runId + "/validate/1", runId, 1, "express-js",
                List.of(new ModuleOutcome("docker", ModuleStatus.VALIDATED, false, 1, List.of(), 1, null)),
                List.of(new RunFile("docker", "Dockerfile", "FROM node:20\n", GeneratedFile.sha256("FROM node:20\n"))));
        try (ConsumerTask<String, String> dead = answersFor(Topics.RUN_COMMANDS_DLQ, runId);
                ConsumerTask<String, String> answers = answersFor(Topics.RUN_RESULTS, runId)) {
            produce(Topics.RUN_COMMANDS, runId, "[1, 2");
            produce(Topics.RUN_COMMANDS, runId, Json.write(command));

            ConsumerRecord<String, String> deadRecord = dead.awaitRecords(1, TIMEOUT).getFirstRecord();
            assertThat(deadRecord.value()).isEqualTo("[1, 2");
            assertThat(KafkaCompanion.getHeader(deadRecord.headers(), "dead-letter-reason")).contains("ValidateRun");

            RunValidated verdict = Json.read(answers.awaitRecords(1, TIMEOUT).getFirstRecord().value(),
                    RunValidated.class);
            assertThat(verdict.passed()).isTrue();
            assertThat(verdict.reason()).isEqualTo("SUCCEEDED: 1/1 modules validated (100.0%)");
        }
    }

    @Test
    void recordsOverKafkasOneMegabyteDefaultAreAnsweredAndDeadLettered() {
        UUID runId = UUID.randomUUID();
        List<PlannedFile> planned = new java.util.ArrayList<>();
        List<GeneratedFile> files = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            String path = "src/models/m" + k + ".js";
            planned.add(new PlannedFile(path, false, null, null));
            files.add(GeneratedFile.of(path, "module.exports = '" + "x".repeat(400 * 1024) + "';\n"));
        }
        ModuleGenerated big = new ModuleGenerated(runId + "/models/1", runId, "models", 1,
                GenerationOutcome.GENERATED, null, false, files, new ModulePlan("models", true, List.of(), planned),
                List.of(), "template", "w-1", 3);
        String bigMalformed = "{\"runId\": \"" + "y".repeat(2 * 1024 * 1024);
        try (ConsumerTask<String, String> dead = answersFor(Topics.MODULE_GENERATED_DLQ, runId);
                ConsumerTask<String, String> answers = answersFor(Topics.MODULE_VALIDATED, runId)) {
            companion.produceStrings().withProp("max.request.size", "16777216")
                    .fromRecords(new ProducerRecord<>(Topics.MODULE_GENERATED, runId.toString(), bigMalformed),
                            new ProducerRecord<>(Topics.MODULE_GENERATED, runId.toString(), Json.write(big)))
                    .awaitCompletion(TIMEOUT);

            assertThat(dead.awaitRecords(1, TIMEOUT).getFirstRecord().value()).hasSize(bigMalformed.length());
            ConsumerRecord<String, String> answer = answers.awaitRecords(1, TIMEOUT).getFirstRecord();
            assertThat(answer.serializedValueSize()).isGreaterThan(2_000_000);
            ModuleValidated verdict = Json.read(answer.value(), ModuleValidated.class);
            assertThat(verdict.passed()).as("%s", verdict.issues()).isTrue();
            assertThat(verdict.files()).hasSize(5);
        }
    }

    @Test
    void moduleDeliveredThreeTimesIsValidatedAndAnsweredOnce() {
        UUID runId = UUID.randomUUID();
        String generated = Json.write(moduleGenerated(runId, "module.exports = {};\n"));
        double before = repeated("module");
        try (ConsumerTask<String, String> verdicts = answersFor(Topics.MODULE_VALIDATED, runId)) {
            produce(Topics.MODULE_GENERATED, runId, generated);
            produce(Topics.MODULE_GENERATED, runId, generated);
            produce(Topics.MODULE_GENERATED, runId, generated);

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(repeated("module") - before)
                    .as("copies skipped").isEqualTo(2));
            assertThat(verdicts.awaitRecords(1, TIMEOUT).getRecords()).hasSize(1);
        }
    }

    private double repeated(String kind) {
        return registry.counter("forgeline.validation.repeated", "kind", kind).count();
    }

    @Test
    void readinessIsUpWhileKafkaAnswers() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "SmallRye Reactive Messaging - readiness check"));
    }
}
