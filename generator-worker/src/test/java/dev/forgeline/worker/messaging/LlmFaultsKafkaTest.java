package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import dev.forgeline.testkit.llm.FaultyLlm.Fault;
import dev.forgeline.testkit.llm.FaultyLlm.Outcome;
import dev.forgeline.worker.Commands;
import dev.forgeline.worker.FaultyLlmResource;
import dev.forgeline.worker.service.llm.ChatClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The worker over real Kafka against an LLM endpoint that answers bursts of 429 (with and without Retry-After), 5xx,
 * a connection that hangs and a body that dribbles: every command is answered exactly once, transient failures are
 * retried within the configured bound (counted at the endpoint) and never reported as final, and the circuit
 * breaker opens under an outage, stops the calls, and closes once the endpoint answers again. The fault-tolerance
 * values are shortened by configuration (this profile), never in code.
 */
@QuarkusTest
@TestProfile(LlmFaultsKafkaTest.ShortFaultTolerance.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FaultyLlmResource.class, restrictToAnnotatedClass = true)
class LlmFaultsKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int MAX_RETRIES = 8;
    private static final int WINDOW = 10;
    private static final List<CircuitBreakerState> transitions = Collections.synchronizedList(new ArrayList<>());
    private static boolean listening;

    /** 4 s per try, 8 retries 50–200 ms apart, a breaker that opens after 10 failures in a row and probes after 1.5 s. */
    public static class ShortFaultTolerance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String ft = "dev.forgeline.worker.service.llm.ChatClient/complete/";
            return Map.ofEntries(Map.entry("forgeline.worker.llm-concurrency", "6"),
                    Map.entry("forgeline.llm.read-timeout", "6s"),
                    Map.entry("forgeline.llm.max-retry-after", "3s"),
                    Map.entry("forgeline.llm.max-backoff", "200ms"),
                    Map.entry(ft + "Timeout/value", "4000"),
                    Map.entry(ft + "Retry/maxRetries", String.valueOf(MAX_RETRIES)),
                    Map.entry(ft + "Retry/delay", "50"),
                    Map.entry(ft + "Retry/maxDuration", "60000"),
                    Map.entry(ft + "CircuitBreaker/requestVolumeThreshold", String.valueOf(WINDOW)),
                    Map.entry(ft + "CircuitBreaker/failureRatio", "1.0"),
                    Map.entry(ft + "CircuitBreaker/delay", "1500"));
        }
    }

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final ProjectSpec spec = Commands.todoApi();
    private KafkaCompanion companion;
    private ConsumerTask<String, String> generated;

    @BeforeEach
    void start() {
        synchronized (transitions) {
            if (!listening) {
                breakers.onStateChange(ChatClient.CIRCUIT, transitions::add);
                listening = true;
            }
        }
        breakers.resetAll();
        transitions.clear();
        FaultyLlmResource.llm().hangFor(Duration.ofSeconds(8));
        companion = new KafkaCompanion(bootstrapServers);
        generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);
    }

    @AfterEach
    void stop() {
        generated.close();
        companion.close();
    }

    @Test
    void burstsOf429And5xxAndHangingConnectionsAreRetriedWithinTheBoundAndEveryCommandIsAnsweredOnceGenerated() {
        FaultyLlm llm = FaultyLlmResource.llm();
        List<Fault> burst = List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.HANG,
                Fault.RATE_LIMITED_NO_RETRY_AFTER, Fault.BAD_GATEWAY, Fault.DRIBBLE, Fault.UNAVAILABLE);
        burst.forEach(fault -> llm.burst(fault, 1));
        int requestsBefore = llm.requests();
        Map<Outcome, Integer> before = new java.util.EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            before.put(outcome, llm.count(outcome));
        }
        List<GenerateModule> commands = llmCommands(6);

        produce(commands);
        await().atMost(TIMEOUT).until(() -> answers(commands).size() == commands.size());

        assertThat(answers(commands).values()).allSatisfy(answer -> {
            assertThat(answer.outcome()).as(answer.reason()).isEqualTo(GenerationOutcome.GENERATED);
            assertThat(answer.files()).isNotEmpty();
        });
        assertThat(records(commands)).as("one answer per command").hasSize(commands.size());
        assertThat(llm.pendingFaults()).as("every fault of the burst was served").isZero();
        for (Fault fault : burst) {
            Outcome outcome = Outcome.valueOf(fault.name());
            assertThat(llm.count(outcome) - before.get(outcome)).as(fault.name()).isEqualTo(1);
        }
        assertThat(llm.count(Outcome.ANSWERED) - before.get(Outcome.ANSWERED)).as("one good answer per command").isEqualTo(6);
        assertThat(llm.requests() - requestsBefore).as("each fault cost exactly one more request")
                .isEqualTo(commands.size() + burst.size());
        assertThat(transitions).as("7 failures among 13 calls never open the breaker").doesNotContain(
                CircuitBreakerState.OPEN);
    }

    @Test
    void circuitOpensUnderAnOutageStopsTheCallsAndClosesOnceTheEndpointAnswersAgain() {
        FaultyLlm llm = FaultyLlmResource.llm();
        llm.burst(Fault.SERVER_ERROR, WINDOW);
        int requestsBefore = llm.requests();
        List<GenerateModule> outage = llmCommands(3);

        produce(outage);
        await().atMost(TIMEOUT).until(() -> answers(outage).size() == outage.size());

        // On a loaded machine a command may still be retrying when the breaker's delay has passed: its probe then
        // succeeds (the outage is over). Either way nothing is a final failure.
        assertThat(answers(outage).values()).allSatisfy(answer -> assertThat(
                answer.outcome() == GenerationOutcome.GENERATED || answer.retryable())
                .as("a transient outage never fails a module for good: " + answer.reason()).isTrue());
        assertThat(answers(outage).values()).filteredOn(a -> a.outcome() == GenerationOutcome.FAILED)
                .extracting(ModuleGenerated::reason)
                .anySatisfy(reason -> assertThat(reason).contains("circuit breaker is open"));
        assertThat(transitions).contains(CircuitBreakerState.OPEN);

        // Recovery: commands keep coming; while the breaker is open they fail fast (retryable), then the probe
        // after its delay reaches the endpoint, which answers, and the breaker closes.
        List<GenerateModule> later = new ArrayList<>();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
            GenerateModule next = llmCommands(1).get(0);
            later.add(next);
            produce(List.of(next));
            await().atMost(TIMEOUT).until(() -> answers(List.of(next)).size() == 1);
            ModuleGenerated answer = answers(List.of(next)).get(next.commandId());
            assertThat(answer.outcome() == GenerationOutcome.GENERATED || answer.retryable()).as(answer.reason())
                    .isTrue();
            return answer.outcome() == GenerationOutcome.GENERATED;
        });

        assertThat(breakers.currentState(ChatClient.CIRCUIT)).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(transitions).containsSubsequence(CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN,
                CircuitBreakerState.CLOSED);
        List<GenerateModule> all = new ArrayList<>(outage);
        all.addAll(later);
        long generatedCommands = answers(all).values().stream()
                .filter(a -> a.outcome() == GenerationOutcome.GENERATED).count();
        assertThat(llm.requests() - requestsBefore)
                .as("the outage's failures plus one request per generated command: none while the breaker was open")
                .isEqualTo(WINDOW + generatedCommands);
        assertThat(records(all)).as("one answer per command").hasSize(all.size());
    }

    private List<GenerateModule> llmCommands(int count) {
        GeneratorSettings llmRun = new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, "faulty-coder", 0.1);
        List<GenerateModule> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commands.add(Commands.command(UUID.randomUUID(), spec, Commands.module(spec, "utils"), llmRun,
                    Instant.now().plusSeconds(120)));
        }
        return commands;
    }

    private void produce(List<GenerateModule> commands) {
        companion.produceStrings().fromRecords(commands.stream()
                .map(c -> new ProducerRecord<>(Topics.MODULE_COMMANDS, c.recordKey(), Json.write(c))).toList())
                .awaitCompletion(TIMEOUT);
    }

    private List<ModuleGenerated> records(List<GenerateModule> commands) {
        Set<String> ids = commands.stream().map(GenerateModule::commandId).collect(Collectors.toSet());
        return generated.getRecords().stream().map(r -> Json.read(r.value(), ModuleGenerated.class))
                .filter(a -> ids.contains(a.commandId())).toList();
    }

    private Map<String, ModuleGenerated> answers(List<GenerateModule> commands) {
        return records(commands).stream().collect(Collectors.toMap(ModuleGenerated::commandId, a -> a, (a, b) -> a));
    }
}
