package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.CloudEventHeaders;
import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.worker.Commands;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class GeneratorWorkerKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
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

    @Test
    void commandForTheModelsModuleIsAnsweredWithEveryPlannedFile() {
        GenerateModule command = Commands.command(Commands.todoApi(), "models");
        String runId = command.runId().toString();
        ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);

        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.MODULE_COMMANDS, command.recordKey(), Json.write(command)))
                .awaitCompletion(TIMEOUT);

        ConsumerRecord<String, String> record = awaitRecord(generated, runId);
        ModuleGenerated result = Json.read(record.value(), ModuleGenerated.class);
        assertThat(record.key()).isEqualTo(runId);
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_TYPE))
                .isEqualTo(CloudEventTypes.MODULE_GENERATED);
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_SOURCE))
                .startsWith("forgeline/generator-worker/");
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventTypes.HEADER_ID)).isNotBlank();
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.GENERATED);
        assertThat(result.commandId()).isEqualTo(command.commandId());
        assertThat(result.files()).extracting(GeneratedFile::path)
                .containsExactlyInAnyOrderElementsOf(command.plan().requiredPaths());
        assertThat(result.upstreamPaths()).containsExactly("src/db/pool.js");
        assertThat(result.provider()).isEqualTo("template");
        generated.close();
    }

    @Test
    void commandDeliveredThreeTimesIsGeneratedAndAnsweredOnce() {
        GenerateModule command = Commands.command(Commands.todoApi(), "utils");
        GenerateModule later = Commands.command(command.runId(), Commands.todoApi(),
                Commands.module(Commands.todoApi(), "config"), command.generator(), command.deadline());
        String runId = command.runId().toString();
        double repeatedBefore = registry.counter("forgeline.worker.commands.repeated").count();
        ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);
        ProducerRecord<String, String> copy = new ProducerRecord<>(Topics.MODULE_COMMANDS, command.recordKey(),
                Json.write(command));

        companion.produceStrings().fromRecords(copy, copy, copy,
                new ProducerRecord<>(Topics.MODULE_COMMANDS, later.recordKey(), Json.write(later)))
                .awaitCompletion(TIMEOUT);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(registry.counter("forgeline.worker.commands.repeated").count() - repeatedBefore)
                    .as("copies skipped").isEqualTo(2);
            assertThat(answers(generated, runId)).extracting(ModuleGenerated::module)
                    .containsExactlyInAnyOrder("utils", "config");
        });
        assertThat(answers(generated, runId)).filteredOn(a -> a.commandId().equals(command.commandId())).hasSize(1);
        generated.close();
    }

    private static List<ModuleGenerated> answers(ConsumerTask<String, String> task, String runId) {
        return task.getRecords().stream().filter(r -> runId.equals(r.key()))
                .map(r -> Json.read(r.value(), ModuleGenerated.class)).toList();
    }

    @Test
    void malformedRecordGoesToTheDeadLetterQueueAndTheNextCommandIsStillAnswered() {
        String poisonKey = "poison-" + UUID.randomUUID();
        GenerateModule command = Commands.command(Commands.todoApi(), "config");
        String runId = command.runId().toString();
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(Topics.MODULE_COMMANDS_DLQ);
        ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);

        companion.produceStrings().fromRecords(
                new ProducerRecord<>(Topics.MODULE_COMMANDS, poisonKey, "{not json"),
                new ProducerRecord<>(Topics.MODULE_COMMANDS, command.recordKey(), Json.write(command)))
                .awaitCompletion(TIMEOUT);

        ConsumerRecord<String, String> dead = awaitRecord(dlq, poisonKey);
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(CloudEventHeaders.get(dead.headers(), "dead-letter-reason")).contains("GenerateModule");
        assertThat(CloudEventHeaders.get(dead.headers(), "dead-letter-topic")).isEqualTo(Topics.MODULE_COMMANDS);

        ModuleGenerated answer = Json.read(awaitRecord(generated, runId).value(), ModuleGenerated.class);
        assertThat(answer.outcome()).isEqualTo(GenerationOutcome.GENERATED);
        assertThat(answer.module()).isEqualTo("config");
        dlq.close();
        generated.close();
    }

    @Test
    void poisonRecordOfSeveralMegabytesStillReachesTheDeadLetterQueue() {
        String poisonKey = "big-poison-" + UUID.randomUUID();
        String value = "{not json " + "x".repeat(3 * 1024 * 1024);
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(Topics.MODULE_COMMANDS_DLQ);

        companion.produceStrings()
                .withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, SizeLimits.MAX_RECORD_BYTES)
                .fromRecords(new ProducerRecord<>(Topics.MODULE_COMMANDS, poisonKey, value))
                .awaitCompletion(TIMEOUT);

        ConsumerRecord<String, String> dead = awaitRecord(dlq, poisonKey);
        assertThat(dead.value()).hasSize(value.length());
        assertThat(CloudEventHeaders.get(dead.headers(), "dead-letter-reason")).isNotBlank();
        dlq.close();
    }

    @Test
    void llmCommandIsAnsweredAsAFailureThatIsNotRetried() {
        GenerateModule base = Commands.command(Commands.todoApi(), "utils");
        GenerateModule command = new GenerateModule(base.commandId(), base.runId(), base.module(), base.attempt(),
                base.stack(), base.spec(), base.plan(), base.upstreamFiles(),
                new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, null, null), List.of(), base.deadline(),
                base.issuedAt());
        ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);

        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.MODULE_COMMANDS, command.recordKey(), Json.write(command)))
                .awaitCompletion(TIMEOUT);

        ModuleGenerated result = Json.read(awaitRecord(generated, command.runId().toString()).value(),
                ModuleGenerated.class);
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).isFalse();
        // This worker has no LLM endpoint configured: a clear, non-retryable reason instead of waiting for a lease.
        assertThat(result.reason()).contains("llm provider is not configured", "FORGELINE_LLM_BASE_URL");
        generated.close();
    }

    @Test
    void readinessIsUpWhileKafkaIsReachable() {
        await().atMost(TIMEOUT).untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
    }

    private static ConsumerRecord<String, String> awaitRecord(ConsumerTask<String, String> task, String key) {
        return await().atMost(TIMEOUT).until(() -> find(task, key), Optional::isPresent).orElseThrow();
    }

    private static Optional<ConsumerRecord<String, String>> find(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).findFirst();
    }
}
