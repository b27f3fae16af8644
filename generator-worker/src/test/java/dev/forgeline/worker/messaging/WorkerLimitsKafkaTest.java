package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.worker.Commands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The worker's limits over real Kafka: at most forgeline.worker.template-concurrency template commands generate at once, and a command
 * slower than forgeline.worker.command-timeout is answered FAILED, retryable, with the reason.
 */
@QuarkusTest
@TestProfile(WorkerLimitsKafkaTest.SlowTerraform.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class WorkerLimitsKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Template concurrency 2; terraform generations take 3 s (the delay fault), beyond a 1 s command timeout. */
    public static class SlowTerraform implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forgeline.worker.template-concurrency", "2",
                    "forgeline.worker.command-timeout", "1s",
                    "forgeline.worker.faults.delay", "3s",
                    "forgeline.worker.faults.delay-modules", "terraform");
        }
    }

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InFlightCommands inFlight;

    @Test
    void atMostConcurrencyCommandsGenerateAtOnceAndSlowOnesFailRetryableWithTheTimeout() {
        List<GenerateModule> commands = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            commands.add(Commands.command(Commands.todoApi(), "terraform"));
        }
        GenerateModule fast = Commands.command(Commands.todoApi(), "docker");
        commands.add(fast);
        Set<String> runIds = commands.stream().map(c -> c.runId().toString()).collect(Collectors.toSet());

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);
            companion.produceStrings().fromRecords(commands.stream()
                    .map(c -> new ProducerRecord<>(Topics.MODULE_COMMANDS, c.recordKey(), Json.write(c))).toList())
                    .awaitCompletion(TIMEOUT);

            await().atMost(TIMEOUT).until(() -> answers(generated, runIds).size() == commands.size());
            Map<String, ModuleGenerated> answers = answers(generated, runIds);

            assertThat(inFlight.peakGenerating()).as("commands generating at once").isEqualTo(2);
            assertThat(answers.get(fast.runId().toString()).outcome()).isEqualTo(GenerationOutcome.GENERATED);
            assertThat(answers.values()).filteredOn(a -> a.module().equals("terraform")).hasSize(6).allSatisfy(a -> {
                assertThat(a.outcome()).isEqualTo(GenerationOutcome.FAILED);
                assertThat(a.retryable()).isTrue();
                assertThat(a.reason()).contains("per-command timeout of 1000 ms");
            });
            generated.close();
        }
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(metrics).contains("forgeline_worker_commands_in_flight ", "forgeline_worker_commands_generating ");
    }

    private static Map<String, ModuleGenerated> answers(ConsumerTask<String, String> task, Set<String> runIds) {
        return task.getRecords().stream().filter(r -> runIds.contains(r.key()))
                .map(r -> Json.read(r.value(), ModuleGenerated.class))
                .collect(Collectors.toMap(a -> a.runId().toString(), a -> a, (a, b) -> a));
    }
}
