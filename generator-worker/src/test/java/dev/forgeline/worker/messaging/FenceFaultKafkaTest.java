package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@TestProfile(FenceFaultKafkaTest.FenceModels.class)
class FenceFaultKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Turns the fault switch on for the models module. */
    public static class FenceModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forgeline.worker.faults.fence-modules", "models");
        }
    }

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void fencedModuleIsAnsweredWithEveryFileInsideMarkdownFences() {
        GenerateModule command = Commands.command(Commands.todoApi(), "models");
        String runId = command.runId().toString();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers);
                ConsumerTask<String, String> generated = companion.consumeStrings()
                        .fromTopics(Topics.MODULE_GENERATED)) {
            companion.produceStrings()
                    .fromRecords(new ProducerRecord<>(Topics.MODULE_COMMANDS, command.recordKey(), Json.write(command)))
                    .awaitCompletion(TIMEOUT);

            ConsumerRecord<String, String> record = await().atMost(TIMEOUT)
                    .until(() -> generated.getRecords().stream().filter(r -> runId.equals(r.key())).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            ModuleGenerated result = Json.read(record.value(), ModuleGenerated.class);

            assertThat(result.outcome()).isEqualTo(GenerationOutcome.GENERATED);
            assertThat(result.files()).hasSameSizeAs(command.plan().files())
                    .allSatisfy(file -> assertThat(file.content()).startsWith("```js\n").endsWith("```\n"));
        }
    }
}
