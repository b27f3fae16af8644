package dev.forgeline.worker.service.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.worker.Commands;
import dev.forgeline.worker.service.GenerationService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The llm provider against a local OpenAI-compatible server (WireMock) replaying recorded answers and failures.
 * Fault-tolerance values are the test profile's (timeout 3 s, 3 retries, 50 ms backoff; application.properties).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LlmStub.class, restrictToAnnotatedClass = true)
class LlmEndpointTest {
    private static final Map<String, String> EXPECTED = Map.of(
            "src/utils/logger.js", LlmStub.recorded("expected-logger.js"),
            "src/utils/errors.js", LlmStub.recorded("expected-errors.js"),
            "src/utils/validation.js", LlmStub.recorded("expected-validation.js"));

    @LlmStub.Server
    WireMockServer llm;

    @Inject
    GenerationService generation;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ProjectSpec spec = Commands.todoApi();
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logLines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void reset() {
        llm.resetAll();
        breakers.resetAll();
        java.util.logging.Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void noLogLineCarriesTheKey() {
        java.util.logging.Logger.getLogger("").removeHandler(logCapture);
        assertThat(logLines).noneMatch(line -> line.contains(LlmStub.CANARY_KEY));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void jsonAnswerGivesEveryPlannedFileAndTheRequestCarriesModelTemperatureAndKey() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(okJson(LlmStub.recorded("ok-json-files.json"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertGeneratedAsRecorded(result);
        LoggedRequest request = single();
        JsonNode body = Json.mapper().valueToTree(Json.read(request.getBodyAsString(), Map.class));
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5-coder:7b");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(body.path("stream").asBoolean()).isFalse();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).contains("Module: utils",
                "`src/utils/validation.js`");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + LlmStub.CANARY_KEY);
    }

    @Test
    void fencedAnswerGivesEveryPlannedFile() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(okJson(LlmStub.recorded("ok-fenced.json"))));

        assertGeneratedAsRecorded(generation.generate(command("utils", 1, List.of())));
    }

    @Test
    void chatterAroundAndBetweenTheCodeIsLeftOut() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(okJson(LlmStub.recorded("ok-chatter.json"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertGeneratedAsRecorded(result);
        assertThat(result.files()).allSatisfy(f -> assertThat(f.content()).doesNotContain("Sure!", "Let me know",
                "```"));
    }

    @Test
    void answerCutOffByTheOutputLimitIsContinuedAndJoined() {
        sequence(okJson(LlmStub.recorded("truncated-part1.json")), okJson(LlmStub.recorded("truncated-part2.json")));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertGeneratedAsRecorded(result);
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        JsonNode second = Json.mapper().valueToTree(Json.read(requests.get(1).getBodyAsString(), Map.class));
        JsonNode messages = second.path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).path("content").asText()).endsWith("if (!UUID.test(value)) {");
        assertThat(messages.get(3).path("content").asText()).contains("cut off");
    }

    @Test
    void plannedFileMissingFromTheAnswerIsAskedForInTheSameConversation() {
        sequence(okJson(LlmStub.recorded("missing-validation.json")), okJson(LlmStub.recorded("only-validation.json")));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertGeneratedAsRecorded(result);
        String followUp = requests().get(1).getBodyAsString();
        assertThat(followUp).contains("lacks these required files", "src/utils/validation.js", "\"assistant\"");
    }

    @Test
    void repairAttemptSendsThePreviousAttemptsIssuesToTheModel() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(okJson(LlmStub.recorded("ok-fenced.json"))));
        List<ValidationIssue> issues = List.of(ValidationIssue.error("src/utils/validation.js", 7, "js.syntax",
                "unbalanced brackets: '(' opened at line 7 is never closed"));

        assertGeneratedAsRecorded(generation.generate(command("utils", 2, issues)));

        assertThat(single().getBodyAsString()).contains("Attempt: 2", "rejected attempt 1",
                "js.syntax at src/utils/validation.js:7: unbalanced brackets");
    }

    @Test
    void answerWritingOutsideTheProjectFailsTheAttemptRetryableAndNamesThePath() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(okJson(LlmStub.recorded("unsafe-path.json"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertFailed(result, true, "rejected", "../../etc/cron.d/evil", "path.unsafe", "'..' segment");
    }

    // ---------------------------------------------------------------- transient failures: retried

    @Test
    void rateLimitedCallWaitsForRetryAfterThenSucceeds() {
        sequence(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json").withBody(LlmStub.recorded("error-429-openrouter.json")),
                okJson(LlmStub.recorded("ok-fenced.json")));

        assertGeneratedAsRecorded(generation.generate(command("utils", 1, List.of())));

        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        long waited = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(waited).as("ms between the 429 and the retry").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void serverErrorIsRetriedThenSucceeds() {
        sequence(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(LlmStub.recorded("error-500-ollama.json")), okJson(LlmStub.recorded("ok-json-files.json")));

        assertGeneratedAsRecorded(generation.generate(command("utils", 1, List.of())));
        assertThat(requests()).hasSize(2);
    }

    @Test
    void nonJsonErrorBodyIsRetriedThenReportedReadably() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(LlmStub.recorded("error-502-nginx.html"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertFailed(result, true, "HTTP 502", "502 Bad Gateway");
        assertThat(result.reason()).doesNotContain("<html>", "<center>");
        assertThat(requests()).as("first try and 3 retries").hasSize(4);
    }

    @Test
    void slowAnswerTimesOutAndTheRetryGetsThrough() {
        sequence(okJson(LlmStub.recorded("ok-fenced.json")).withFixedDelay(20_000),
                okJson(LlmStub.recorded("ok-fenced.json")));
        Instant started = Instant.now();

        assertGeneratedAsRecorded(generation.generate(command("utils", 1, List.of())));

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(requests()).hasSize(2);
    }

    @Test
    void connectionResetIsRetriedThenSucceeds() {
        sequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(LlmStub.recorded("ok-fenced.json")));

        assertGeneratedAsRecorded(generation.generate(command("utils", 1, List.of())));
        assertThat(requests()).hasSize(2);
    }

    @Test
    void incompleteBodyIsRetriedThenSucceeds() {
        String body = LlmStub.recorded("ok-fenced.json");
        sequence(okJson(body.substring(0, body.length() / 2)), okJson(body));

        assertGeneratedAsRecorded(generation.generate(command("utils", 1, List.of())));
        assertThat(requests()).hasSize(2);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndTheEndpointIsLeftAlone() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(LlmStub.recorded("error-500-ollama.json"))));

        assertFailed(generation.generate(command("utils", 1, List.of())), true, "HTTP 500", "llama runner");
        assertFailed(generation.generate(command("utils", 1, List.of())), true, "HTTP 500");
        int calls = requests().size();
        ModuleGenerated third = generation.generate(command("utils", 1, List.of()));

        assertFailed(third, true, "circuit breaker is open");
        assertThat(requests()).hasSize(calls);
    }

    @Test
    void rateLimitingIsRetriedButNeverOpensTheCircuit() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(LlmStub.recorded("error-429-openrouter.json"))));

        // Two attempts of 4 calls each: as many failures as open the circuit when they are 5xx (test profile: 8).
        assertFailed(generation.generate(command("utils", 1, List.of())), true, "rate limited", "HTTP 429");
        assertFailed(generation.generate(command("utils", 1, List.of())), true, "rate limited");
        int calls = requests().size();
        ModuleGenerated third = generation.generate(command("utils", 1, List.of()));

        assertFailed(third, true, "rate limited");
        assertThat(third.reason()).doesNotContain("circuit breaker");
        assertThat(requests().size()).as("the third attempt still called the endpoint").isEqualTo(calls + calls / 2);
    }

    // ---------------------------------------------------------------- rejections: fail fast

    @Test
    void unauthorizedFailsAtOnceNotRetryableAndWithoutTheKey() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(LlmStub.recorded("error-401-openai.json"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertFailed(result, false, "authentication failed", "HTTP 401", "Incorrect API key provided: ***");
        assertThat(requests()).hasSize(1);
        // The failure was logged (so the log check after each test is not vacuous), with the key masked.
        assertThat(logLines).anyMatch(line -> line.contains("authentication failed") && line.contains("***"));
    }

    @Test
    void promptTooLongForTheContextFailsAtOnceNotRetryable() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(LlmStub.recorded("error-400-context-vllm.json"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertFailed(result, false, "context window", "maximum context length is 4096");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void rateLimitAskingForMoreThanTheWorkerWaitsEndsTheAttemptRetryable() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600").withBody(LlmStub.recorded("error-429-openrouter.json"))));

        ModuleGenerated result = generation.generate(command("utils", 1, List.of()));

        assertFailed(result, true, "rate limiting", "3600 s");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void unauthorizedCommandOverKafkaIsAnsweredFailedNotRetryableWithoutTheKey() {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(LlmStub.recorded("error-401-openai.json"))));
        GenerateModule command = command("utils", 1, List.of());
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> generated = companion.consumeStrings().fromTopics(Topics.MODULE_GENERATED);
            companion.produceStrings()
                    .fromRecords(new ProducerRecord<>(Topics.MODULE_COMMANDS, command.recordKey(), Json.write(command)))
                    .awaitCompletion(Duration.ofSeconds(30));

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(60))
                    .until(() -> find(generated, command.runId().toString()), Optional::isPresent).orElseThrow();
            generated.close();

            assertThat(record.value()).doesNotContain(LlmStub.CANARY_KEY);
            assertFailed(Json.read(record.value(), ModuleGenerated.class), false, "authentication failed");
        }
    }

    // ---------------------------------------------------------------- helpers

    private GenerateModule command(String module, int attempt, List<ValidationIssue> issues) {
        ModulePlan plan = Commands.module(spec, module);
        UUID runId = UUID.randomUUID();
        return new GenerateModule(Ids.commandId(runId, module, attempt), runId, module, attempt, spec.stack(), spec,
                plan, List.of(), new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, "qwen2.5-coder:7b", 0.1),
                issues, Instant.now().plusSeconds(90), Instant.now(), plan.requiredPaths());
    }

    /** Answers the calls in order; the last answer repeats. */
    private void sequence(ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "answer-" + (i + 1);
            llm.stubFor(post(urlEqualTo(LlmStub.PATH)).inScenario("sequence").whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(answers[i]));
            state = next;
        }
    }

    private List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(llm.findAll(postRequestedFor(urlEqualTo(LlmStub.PATH))));
        requests.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    private LoggedRequest single() {
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static void assertGeneratedAsRecorded(ModuleGenerated result) {
        assertThat(result.outcome()).as(String.valueOf(result.reason())).isEqualTo(GenerationOutcome.GENERATED);
        assertThat(result.provider()).isEqualTo("llm");
        Map<String, String> files = result.files().stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
        assertThat(files).isEqualTo(EXPECTED);
        assertThat(result.files()).extracting(GeneratedFile::path)
                .containsExactly("src/utils/logger.js", "src/utils/errors.js", "src/utils/validation.js");
    }

    private static void assertFailed(ModuleGenerated result, boolean retryable, String... reasonParts) {
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).as(result.reason()).isEqualTo(retryable);
        assertThat(result.reason()).contains(reasonParts).doesNotContain(LlmStub.CANARY_KEY);
        assertThat(result.files()).isEmpty();
    }

    private static Optional<ConsumerRecord<String, String>> find(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).findFirst();
    }
}
