package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.llm.FaultyLlm;
import dev.forgeline.worker.Commands;
import dev.forgeline.worker.FaultyLlmResource;
import dev.forgeline.worker.service.GenerationSlots;
import dev.forgeline.worker.service.GenerationSlots.Kind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The two concurrency limits over real Kafka, against an LLM endpoint that holds every request until released: more
 * LLM modules wait on the endpoint at once than there are template slots, and template commands are generated and
 * answered while every LLM slot is still waiting.
 */
@QuarkusTest
@TestProfile(LlmConcurrencyKafkaTest.OneTemplateSlotSixLlmSlots.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FaultyLlmResource.class, restrictToAnnotatedClass = true)
class LlmConcurrencyKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int LLM_COMMANDS = 6;

    /** One template slot, six LLM slots; calls may wait a minute (the endpoint holds them until the test releases). */
    public static class OneTemplateSlotSixLlmSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forgeline.worker.template-concurrency", "1",
                    "forgeline.worker.llm-concurrency", String.valueOf(LLM_COMMANDS),
                    "forgeline.worker.max-in-flight", "16",
                    "forgeline.llm.read-timeout", "90s",
                    "dev.forgeline.worker.service.llm.ChatClient/complete/Timeout/value", "90000");
        }
    }

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    GenerationSlots slots;

    @AfterEach
    void releaseTheEndpoint() {
        FaultyLlmResource.llm().release();
    }

    @Test
    void moreLlmModulesWaitOnTheEndpointAtOnceThanTemplateSlotsAndTemplateWorkIsNotStarvedByThem() {
        FaultyLlm llm = FaultyLlmResource.llm();
        ProjectSpec spec = Commands.todoApi();
        GeneratorSettings llmRun = new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, "faulty-coder", 0.1);
        List<GenerateModule> llmCommands = new ArrayList<>();
        for (int i = 0; i < LLM_COMMANDS; i++) {
            llmCommands.add(Commands.command(UUID.randomUUID(), spec, Commands.module(spec, "utils"), llmRun,
                    Instant.now().plusSeconds(120)));
        }
        List<GenerateModule> templateCommands = List.of(Commands.command(spec, "docker"),
                Commands.command(spec, "config"), Commands.command(spec, "terraform"));
        llm.hold();

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);
            produce(companion, llmCommands);
            await().atMost(TIMEOUT).until(() -> llm.held() == LLM_COMMANDS);
            assertThat(slots.running(Kind.LLM)).as("LLM generations waiting on the endpoint at once")
                    .isEqualTo(LLM_COMMANDS).isGreaterThan(slots.limit(Kind.TEMPLATE));

            produce(companion, templateCommands);
            await().atMost(TIMEOUT).until(() -> answers(generated, templateCommands).size() == templateCommands.size());
            assertThat(answers(generated, templateCommands).values()).extracting(ModuleGenerated::outcome)
                    .containsOnly(GenerationOutcome.GENERATED);
            assertThat(answers(generated, llmCommands)).as("no LLM answer before the endpoint is released").isEmpty();
            assertThat(llm.held()).as("every LLM call still waiting").isEqualTo(LLM_COMMANDS);

            llm.release();
            await().atMost(TIMEOUT).until(() -> answers(generated, llmCommands).size() == LLM_COMMANDS);
            assertThat(answers(generated, llmCommands).values()).allSatisfy(answer -> {
                assertThat(answer.outcome()).as(answer.reason()).isEqualTo(GenerationOutcome.GENERATED);
                assertThat(answer.provider()).isEqualTo(GeneratorSettings.LLM_PROVIDER);
                assertThat(answer.files()).isNotEmpty();
            });
            assertThat(llm.requests()).as("one request per LLM command").isEqualTo(LLM_COMMANDS);
            assertThat(slots.peakRunning(Kind.TEMPLATE)).isEqualTo(1);
            assertThat(slots.peakRunning(Kind.LLM)).isEqualTo(LLM_COMMANDS);
            generated.close();
        }
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(metrics).contains("forgeline_worker_slots_busy{kind=\"llm\"}",
                "forgeline_worker_slots_limit{kind=\"template\"}");
    }

    private static void produce(KafkaCompanion companion, List<GenerateModule> commands) {
        companion.produceStrings().fromRecords(commands.stream()
                .map(c -> new ProducerRecord<>(Topics.MODULE_COMMANDS, c.recordKey(), Json.write(c))).toList())
                .awaitCompletion(TIMEOUT);
    }

    private static Map<String, ModuleGenerated> answers(ConsumerTask<String, String> task,
            List<GenerateModule> commands) {
        Set<String> ids = commands.stream().map(GenerateModule::commandId).collect(Collectors.toSet());
        return task.getRecords().stream().map(r -> Json.read(r.value(), ModuleGenerated.class))
                .filter(a -> ids.contains(a.commandId()))
                .collect(Collectors.toMap(ModuleGenerated::commandId, a -> a, (a, b) -> a));
    }
}
