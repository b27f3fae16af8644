package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.forgeline.testkit.KafkaServers;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.ServiceProcess;

/** The jars as the container images run them: the %prod profile, configured only through the environment. */
class ProductionProfileIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServiceProcess process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Test
    void orchestratorRefusesToStartWithoutDatabaseCredentialsInTheEnvironment() throws IOException {
        Path log = logFile("orchestrator-without-credentials.log");
        int port = Ports.freePort();
        process = ServiceProcess.start("orchestrator-prod", jar("orchestrator-service"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KafkaServers.get().bootstrapServers(),
                "FORGELINE_HTTP_PORT", String.valueOf(port),
                "QUARKUS_HTTP_PORT", String.valueOf(port)), List.of("-Xmx256m"), log);

        await().atMost(Duration.ofMinutes(1)).until(() -> !process.isAlive());
        // No default password in production: the start fails and says which variable is missing.
        assertThat(Files.readString(log)).contains("FORGELINE_DB_PASSWORD");
    }

    @Test
    void workerInProductionLogsOneJsonObjectPerLine() throws IOException {
        Path log = logFile("worker-json-logs.log");
        int port = Ports.freePort();
        process = ServiceProcess.start("worker-prod", jar("generator-worker"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KafkaServers.get().bootstrapServers(),
                // One broker here: the %prod default of 3 replicas would be refused by it.
                "FORGELINE_TOPICS_REPLICATION_FACTOR", "1",
                "FORGELINE_TOPICS_MIN_INSYNC_REPLICAS", "1",
                "QUARKUS_HTTP_PORT", String.valueOf(port)), List.of("-Xmx256m"), log);
        process.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofMinutes(2));

        List<JsonNode> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{"))
                .map(ProductionProfileIT::parse).toList();
        assertThat(lines).as("JSON log lines").isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("level") && line.has("message")).isTrue())
                .anySatisfy(line -> assertThat(line.path("message").asText()).contains("ready to consume"));
        assertThat(Files.readAllLines(log)).as("lines a log shipper could not parse")
                .noneMatch(line -> line.matches("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*"));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static Path jar(String module) {
        return ProjectRoot.find().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static Path logFile(String name) {
        return ProjectRoot.find().resolve("e2e/target/service-logs/production-profile").resolve(name);
    }
}
