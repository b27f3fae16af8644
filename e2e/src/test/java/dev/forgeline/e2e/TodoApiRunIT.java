package dev.forgeline.e2e;

import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.module;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Topics;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/** examples/todo-api.json through the three services as processes, over real Kafka and PostgreSQL. */
class TodoApiRunIT {
    private static final List<String> INDEPENDENT = List.of("config", "docker", "terraform", "utils", "database");
    private static final List<String> CHAIN = List.of("database", "models", "services", "handlers", "routes", "tests");

    private static LocalForgeline stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalForgeline.start(E2eSupport.options("todo-api"));
        api = stack.adminApi();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void todoApiSucceedsWithEveryModuleValidatedAndTheFilesRetrievable() {
        UUID runId = submit(api, E2eSupport.example("todo-api.json"));
        JsonNode run = awaitTerminal(api, runId);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("reason").asText()).startsWith("SUCCEEDED");
        List<String> statuses = new ArrayList<>();
        run.path("modules").forEach(m -> statuses.add(m.path("status").asText()));
        assertThat(statuses).hasSize(10).containsOnly("VALIDATED");
        assertThat(run.path("counts").path("fullyValidated").asInt()).isEqualTo(10);
        assertThat(run.path("successRate").asDouble()).isEqualTo(1.0);

        // The independent modules were dispatched together, when the run was created.
        Instant first = Instant.parse(module(run, "config").path("firstDispatchedAt").asText());
        for (String m : INDEPENDENT) {
            assertThat(Instant.parse(module(run, m).path("firstDispatchedAt").asText())).isEqualTo(first);
        }
        // Each chained module was dispatched only after its upstream module was validated.
        for (int i = 1; i < CHAIN.size(); i++) {
            Instant upstreamValidated = Instant.parse(module(run, CHAIN.get(i - 1)).path("validatedAt").asText());
            Instant dispatched = Instant.parse(module(run, CHAIN.get(i)).path("firstDispatchedAt").asText());
            assertThat(dispatched).as(CHAIN.get(i)).isAfterOrEqualTo(upstreamValidated);
        }

        ApiClient.Reply server = api.get("/api/runs/" + runId + "/files/src/server.js");
        assertThat(server.status()).isEqualTo(200);
        assertThat(server.body()).contains("listen");
        assertThat(api.get("/api/runs/" + runId + "/files/package.json").body()).contains("\"express\"");
        assertThat(api.getBytes("/api/runs/" + runId + "/archive")).isNotEmpty();
    }

    @Test
    void sameSpecSubmittedTwiceIsTwoSucceededRunsWithoutCleanup() {
        UUID first = submit(api, E2eSupport.example("todo-api.json"));
        UUID second = submit(api, E2eSupport.example("todo-api.json"));
        assertThat(first).isNotEqualTo(second);
        assertThat(awaitTerminal(api, first).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(awaitTerminal(api, second).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void malformedRecordsOnEveryConsumedTopicDoNotStopTheConsumers() {
        var props = new java.util.Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<String> consumed = List.of(Topics.MODULE_COMMANDS, Topics.MODULE_GENERATED, Topics.MODULE_VALIDATED,
                Topics.RUN_COMMANDS, Topics.RUN_RESULTS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String topic : consumed) {
                producer.send(new ProducerRecord<>(topic, "poison", "{\"this is\": not json")).get();
                producer.send(new ProducerRecord<>(topic, "poison", "{}")).get();
            }
        } catch (Exception e) {
            throw new AssertionError("cannot produce poison records", e);
        }
        UUID runId = submit(api, E2eSupport.example("todo-api.json"));
        assertThat(awaitTerminal(api, runId).path("status").asText()).isEqualTo("SUCCEEDED");
        for (String topic : consumed) {
            assertThat(DeadLetters.count(stack.bootstrapServers(), topic + Topics.DLQ_SUFFIX, Duration.ofSeconds(30)))
                    .as(topic + ".dlq").isGreaterThanOrEqualTo(2);
        }
    }
}
