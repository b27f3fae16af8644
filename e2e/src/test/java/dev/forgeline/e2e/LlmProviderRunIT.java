package dev.forgeline.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.module;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.ModuleDefinition;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.stacks.render.TemplateRenderer;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.TopicReaders;

/**
 * Runs with {@code "generator": {"provider": "llm"}} through the three services as processes, against a local
 * OpenAI-compatible server (WireMock in this JVM) that answers per module with the stack's own rendering of it. The
 * worker gets a canary API key, which must appear nowhere but in the Authorization header the server received.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmProviderRunIT {
    private static final String CANARY = "canary-llm-key-5e1d9c0b7a4f";
    private static final String PATH = "/v1/chat/completions";
    private static final String MODEL = "stub-coder";
    private static final String REVOKED_MODEL = "revoked-key-model";

    private static WireMockServer llm;
    private static LocalForgeline stack;
    private static ApiClient api;
    private static final List<UUID> runs = Collections.synchronizedList(new ArrayList<>());
    private static final StackDefinition EXPRESS = StackCatalog.load().get("express-js");

    @BeforeAll
    static void start() {
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        stack = LocalForgeline.start(E2eSupport.options("llm-provider")
                .env(LocalForgeline.WORKER, "FORGELINE_LLM_BASE_URL", "http://127.0.0.1:" + llm.port() + "/v1")
                .env(LocalForgeline.WORKER, "FORGELINE_LLM_API_KEY", CANARY)
                .env(LocalForgeline.WORKER, "FORGELINE_LLM_MODEL", MODEL));
        api = stack.adminApi();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (llm != null) {
            llm.stop();
        }
    }

    @BeforeEach
    void resetServer() {
        llm.resetAll();
    }

    @Test
    @Order(1)
    void runWithTheLlmProviderSucceedsWithTheModelsFilesAndTemplateOnlyModulesFromTemplates() {
        byte[] spec = llmSpec("todo-llm", MODEL);
        Map<String, Map<String, String>> answers = answersFor(spec);
        answers.forEach((module, files) -> stubModule(module, files, 5));

        UUID runId = submitRun(spec);
        JsonNode run = awaitTerminal(api, runId);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        run.path("modules").forEach(m -> assertThat(m.path("status").asText()).as(m.toString()).isEqualTo("VALIDATED"));
        for (String module : answers.keySet()) {
            assertThat(requestsFor(module)).as(module).hasSize(1);
            assertThat(module(run, module).path("attempt").asInt()).as(module).isEqualTo(1);
        }
        // Hybrid: config and docker are templateOnly in express-js, so the model was never asked for them.
        assertThat(answers).doesNotContainKeys("config", "docker");
        assertThat(requestsFor("config")).isEmpty();
        assertThat(requestsFor("docker")).isEmpty();
        assertThat(api.get("/api/runs/" + runId + "/files/src/server.js").body())
                .isEqualTo(answers.get("routes").get("src/server.js"));
        LoggedRequest models = requestsFor("models").get(0);
        assertThat(models.getHeader("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(models.getBodyAsString()).contains("\"model\":\"" + MODEL + "\"", "src/db/pool.js");
    }

    @Test
    @Order(2)
    void brokenAnswerIsRejectedAndTheRepairRequestCarriesTheIssuesThenPasses() {
        byte[] spec = llmSpec("todo-repair", MODEL);
        Map<String, Map<String, String>> answers = answersFor(spec);
        answers.forEach((module, files) -> stubModule(module, files, 5));
        Map<String, String> services = answers.get("services");
        String todoService = services.get("src/services/todoService.js");
        Map<String, String> broken = new LinkedHashMap<>(services);
        broken.put("src/services/todoService.js", todoService + "\nfunction unfinished() {\n  return [\n");
        llm.stubFor(post(urlEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker("services")))
                .inScenario("repair").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered once")
                .willReturn(okJson(completion(fenced(broken)))));

        UUID runId = submitRun(spec);
        JsonNode run = awaitTerminal(api, runId);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(module(run, "services").path("attempt").asInt()).isEqualTo(2);
        List<LoggedRequest> requests = requestsFor("services");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getBodyAsString()).contains("Attempt: 1").doesNotContain("validator rejected");
        assertThat(requests.get(1).getBodyAsString()).contains("Attempt: 2", "validator rejected attempt 1",
                "js.syntax", "src/services/todoService.js");
        assertThat(api.get("/api/runs/" + runId + "/files/src/services/todoService.js").body()).isEqualTo(todoService);
    }

    @Test
    @Order(3)
    void rejectedCredentialsFailTheRunAtOnceWithAReasonNamingAuthentication() {
        // The endpoint rejects the key (and, like OpenAI, quotes it back in the error body).
        llm.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("\"model\":\"" + REVOKED_MODEL + "\""))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + CANARY
                                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")));
        Instant submitted = Instant.now();

        UUID runId = submitRun(llmSpec("todo-revoked", REVOKED_MODEL));
        JsonNode run = awaitTerminal(api, runId);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
        assertThat(Duration.between(submitted, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(run.path("reason").asText()).containsIgnoringCase("authentication").doesNotContain("TIMED_OUT");
        JsonNode database = module(run, "database");
        assertThat(database.path("status").asText()).isEqualTo("FAILED");
        assertThat(database.path("attempt").asInt()).as("not retried").isEqualTo(1);
        assertThat(database.path("reason").asText()).contains("not retryable", "authentication failed", "HTTP 401");
        assertThat(module(run, "models").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(module(run, "config").path("status").asText()).as("template-only").isEqualTo("VALIDATED");
        // One request per independent LLM module (terraform, utils, database), none retried.
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(3);
    }

    @Test
    @Order(4)
    void canaryKeyIsInNoServiceLogNoRunEventAndNoApiResponse() throws IOException {
        assertThat(runs).as("the runs above").hasSize(3);
        Path logDir = E2eSupport.logs(stack, LocalForgeline.WORKER).getParent();
        List<Path> logFiles;
        try (Stream<Path> files = Files.walk(logDir)) {
            logFiles = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logFiles).isNotEmpty();
        for (Path file : logFiles) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(CANARY);
        }
        assertThat(Files.readString(E2eSupport.logs(stack, LocalForgeline.WORKER)))
                .as("the worker logged the rejection, masked").contains("authentication failed", "***");

        for (String topic : List.of(Topics.RUN_EVENTS, Topics.MODULE_GENERATED, Topics.MODULE_VALIDATED,
                Topics.RUN_RESULTS)) {
            List<String> values = allValues(stack.bootstrapServers(), topic);
            assertThat(values).as(topic).isNotEmpty().noneMatch(v -> v.contains(CANARY));
        }

        assertThat(api.get("/api/runs?size=100").body()).doesNotContain(CANARY);
        for (UUID runId : runs) {
            ApiClient.Reply run = api.get("/api/runs/" + runId);
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.body()).doesNotContain(CANARY);
        }
    }

    // ---------------------------------------------------------------- the stub's answers

    /** todo-api.json under another name, generated by the llm provider with the given model. */
    private static byte[] llmSpec(String name, String model) {
        try {
            ObjectNode spec = (ObjectNode) Json.mapper().readTree(E2eSupport.example("todo-api.json"));
            spec.put("name", name);
            ObjectNode generator = spec.putObject("generator");
            generator.put("provider", "llm");
            generator.put("model", model);
            generator.put("temperature", 0.2);
            return Json.mapper().writeValueAsBytes(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per LLM-generated module, its files as the stack's templates render them for this spec. */
    private static Map<String, Map<String, String>> answersFor(byte[] specJson) {
        SpecParser.Result parsed = SpecParser.parse(new String(specJson, StandardCharsets.UTF_8));
        assertThat(parsed.ok()).as(String.valueOf(parsed.violations())).isTrue();
        ProjectSpec spec = parsed.spec();
        TemplateRenderer renderer = new TemplateRenderer();
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        for (ModulePlan plan : StackPlanner.plan(EXPRESS, spec)) {
            boolean templateOnly = EXPRESS.module(plan.module()).map(ModuleDefinition::templateOnly).orElse(false);
            if (templateOnly) {
                continue;
            }
            Map<String, String> files = new LinkedHashMap<>();
            for (PlannedFile file : plan.files()) {
                files.put(file.path(), renderer.render(EXPRESS, spec, file));
            }
            answers.put(plan.module(), files);
        }
        return answers;
    }

    /** Answers every request for the module with its files, alternating the two answer formats models use. */
    private static void stubModule(String module, Map<String, String> files, int priority) {
        String content = module.hashCode() % 2 == 0 ? fenced(files) : jsonFiles(files);
        llm.stubFor(post(urlEqualTo(PATH)).atPriority(priority).withRequestBody(containing(marker(module)))
                .willReturn(okJson(completion(content))));
    }

    /** How the prompt names its module, as it appears in the JSON request body (the newline escaped). */
    private static String marker(String module) {
        return "Module: " + module + "\\n";
    }

    private static String fenced(Map<String, String> files) {
        StringBuilder out = new StringBuilder("Here are the files of the module.\n\n");
        files.forEach((path, content) -> {
            String fence = content.contains("```") ? "````" : "```";
            out.append("### `").append(path).append("`\n").append(fence).append('\n').append(content)
                    .append(content.endsWith("\n") ? "" : "\n").append(fence).append("\n\n");
        });
        return out.append("These files follow the project's conventions.").toString();
    }

    private static String jsonFiles(Map<String, String> files) {
        List<Map<String, String>> list = new ArrayList<>();
        files.forEach((path, content) -> list.add(Map.of("path", path, "content", content)));
        return "```json\n" + Json.write(Map.of("files", list)) + "\n```";
    }

    /** A chat-completions answer as an OpenAI-compatible server sends it. */
    private static String completion(String content) {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        Map<String, Object> choice = Map.of("index", 0, "message", message, "finish_reason", "stop");
        return Json.write(Map.of("id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion",
                "created", Instant.now().getEpochSecond(), "model", MODEL, "choices", List.of(choice),
                "usage", Map.of("prompt_tokens", 2000, "completion_tokens", 900, "total_tokens", 2900)));
    }

    private static List<LoggedRequest> requestsFor(String module) {
        List<LoggedRequest> requests = new ArrayList<>(llm.findAll(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing(marker(module)))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    private static UUID submitRun(byte[] spec) {
        UUID runId = submit(api, spec);
        runs.add(runId);
        return runId;
    }

    /** Every record value on the topic, from the beginning to its current end. */
    private static List<String> allValues(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReaders.fromBeginning(bootstrap, List.of(topic))) {
            List<TopicPartition> partitions = List.copyOf(consumer.assignment());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant until = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(until)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
