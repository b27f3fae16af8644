package dev.forgeline.orchestrator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.orchestrator.outbox.OutboxRelay;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The orchestrator over real Kafka and PostgreSQL, with the test playing the worker and the validator. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunLifecycleTest extends DownstreamTest {
    private static final List<String> INDEPENDENT = List.of("config", "docker", "terraform", "utils", "database");
    private static final List<String> CHAIN = List.of("models", "services", "handlers", "routes", "tests");
    private static final List<String> ALL_MODULES = List.of("config", "docker", "terraform", "utils", "database",
            "models", "services", "handlers", "routes", "tests");

    @Inject
    OutboxRelay relay;

    static String spec() {
        try (InputStream in = RunLifecycleTest.class.getResourceAsStream("/specs/todo-api.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID submit(String body) {
        String id = given().contentType("application/json").body(body).post("/api/runs")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/runs/"))
                .extract().path("id");
        return UUID.fromString(id);
    }

    static JsonPath run(UUID id) {
        return given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String moduleStatus(UUID id, String module) {
        return run(id).getString("modules.find { it.module == '" + module + "' }.status");
    }

    @Test
    void independentModulesFanOutAtOnceAndChainedOnesFollowTheirUpstream() throws IOException {
        UUID runId = submit(spec());

        for (String module : INDEPENDENT) {
            downstream.awaitCommand(runId, module, 1);
        }
        assertThat(downstream.commandsFor(runId)).extracting(GenerateModule::module)
                .containsExactlyInAnyOrderElementsOf(INDEPENDENT);
        assertThat(downstream.commandRecordsFor(runId)).allSatisfy(r ->
                assertThat(new String(r.headers().lastHeader("ce_type").value())).isEqualTo("dev.forgeline.GenerateModule"));
        INDEPENDENT.forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));

        for (String module : CHAIN) {
            GenerateModule command = downstream.awaitCommand(runId, module, 1);
            assertThat(command.commandId()).isEqualTo(runId + "/" + module + "/1");
            // A template run's workers render from the spec: no upstream contents travel with the command.
            assertThat(command.upstreamFiles()).as(module).isEmpty();
            downstream.pass(command);
        }

        ValidateRun validate = downstream.awaitValidateRun(runId, 1);
        assertThat(validate.modules()).hasSize(10).allSatisfy(m -> assertThat(m.status()).isEqualTo(ModuleStatus.VALIDATED));
        assertThat(validate.files()).extracting(f -> f.path()).contains("src/server.js", "src/models/todo.js");
        downstream.answerRun(validate, true);

        await().atMost(Duration.ofSeconds(30)).until(() -> run(runId).getString("status").equals("SUCCEEDED"));
        JsonPath view = run(runId);
        assertThat(view.getList("modules.status", String.class)).hasSize(10).containsOnly("VALIDATED");
        assertThat(view.getInt("counts.fullyValidated")).isEqualTo(10);

        // Every chained module was dispatched only after its upstream module was validated.
        for (int i = 0; i < CHAIN.size(); i++) {
            String upstream = i == 0 ? "database" : CHAIN.get(i - 1);
            Instant upstreamValidated = Instant.parse(view.getString("modules.find { it.module == '" + upstream
                    + "' }.validatedAt"));
            Instant dispatched = Instant.parse(view.getString("modules.find { it.module == '" + CHAIN.get(i)
                    + "' }.firstDispatchedAt"));
            assertThat(dispatched).isAfterOrEqualTo(upstreamValidated);
        }

        given().get("/api/runs/" + runId + "/files/src/server.js").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("src/server.js of routes"));
        byte[] zip = given().get("/api/runs/" + runId + "/archive").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertThat(zipEntries(zip)).contains("todo-api/src/server.js", "todo-api/package.json");
        JsonPath listing = given().get("/api/runs/" + runId + "/files").then().statusCode(200).extract().jsonPath();
        assertThat(listing.getList("path", String.class)).map(p -> "todo-api/" + p)
                .containsExactlyInAnyOrderElementsOf(zipEntries(zip));
        assertThat(listing.getString("find { it.path == 'src/server.js' }.module")).isEqualTo("routes");

        await().atMost(Duration.ofSeconds(10)).until(() -> runStatuses(runId).contains("SUCCEEDED"));
        assertThat(runStatuses(runId)).containsExactly("QUEUED", "RUNNING", "VALIDATING", "SUCCEEDED");
    }

    @Test
    void sameSpecSubmittedTwiceIsTwoRunsWithDifferentIds() {
        UUID first = submit(spec());
        UUID second = submit(spec());
        assertThat(first).isNotEqualTo(second);
        assertThat(first.version()).isEqualTo(7);
        downstream.awaitCommand(first, "database", 1);
        downstream.awaitCommand(second, "database", 1);
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstRunAndADifferentSpecIsAConflict() {
        String key = "key-" + UUID.randomUUID();
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(spec())
                .post("/api/runs").then().statusCode(202).extract().path("id");
        String again = given().contentType("application/json").header("Idempotency-Key", key).body(spec())
                .post("/api/runs").then().statusCode(200).extract().path("id");
        assertThat(again).isEqualTo(first);
        given().contentType("application/json").header("Idempotency-Key", key)
                .body(spec().replace("todo-api", "other-api")).post("/api/runs")
                .then().statusCode(409).contentType("application/problem+json");
        downstream.awaitCommand(UUID.fromString(first), "database", 1);
        assertThat(downstream.commandsFor(UUID.fromString(first))).filteredOn(c -> c.module().equals("database"))
                .hasSize(1);
    }

    @Test
    void badSpecsGetA400NamingThePathAndNothingIsStored() {
        int before = given().get("/api/runs").then().statusCode(200).extract().path("total");
        String valid = spec();
        assertRejected("{\"name\": \"x\",", "$", "json.malformed");
        assertRejected(valid.replace("\"express-js\"", "\"cobol-on-rails\""), "stack", "stack.unknown");
        assertRejected(valid.replace("\"datetime\"", "\"timestamp-ish\""), "entities[1].fields[3].type",
                "field.type.unknown");
        assertRejected(valid.replace("\"target\": \"User\"", "\"target\": \"Person\""),
                "entities[1].relations[0].target", "relation.target.unknown");
        assertRejected(valid.replace("\"name\": \"done\"", "\"name\": \"title\""), "entities[1].fields[1].name",
                "name.duplicate");
        assertRejected(valid.replace("\"todo-api\"", "\"Todo API\""), "name", "name.pattern");
        assertRejected(valid.replace("\"name\": \"done\"", "\"name\": \"id\""), "entities[1].fields[1].name",
                "name.generated");
        int after = given().get("/api/runs").then().statusCode(200).extract().path("total");
        assertThat(after).isEqualTo(before);
    }

    private static void assertRejected(String body, String path, String rule) {
        JsonPath problem = given().contentType("application/json").body(body).post("/api/runs")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.path", String.class)).as(rule).contains(path);
        assertThat(problem.getList("violations.rule", String.class)).as(path).contains(rule);
        assertThat(problem.getInt("status")).isEqualTo(400);
    }

    @Test
    void rejectedModuleIsRetriedWithItsIssuesThenFailsAndItsDependentsAreSkipped() {
        UUID runId = submit(spec());
        INDEPENDENT.stream().filter(m -> !m.equals("database"))
                .forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
        downstream.reject(downstream.awaitCommand(runId, "database", 1), true, "js.syntax");
        GenerateModule second = downstream.awaitCommand(runId, "database", 2);
        assertThat(second.previousIssues()).extracting(i -> i.rule()).containsExactly("js.syntax");
        downstream.reject(second, true, "js.syntax");
        downstream.reject(downstream.awaitCommand(runId, "database", 3), true, "import.unresolved");

        ValidateRun validate = downstream.awaitValidateRun(runId, 1);
        assertThat(validate.modules()).filteredOn(m -> m.module().equals("database"))
                .singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(ModuleStatus.FAILED));
        assertThat(validate.modules()).filteredOn(m -> CHAIN.contains(m.module()))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(ModuleStatus.SKIPPED));
        assertThat(downstream.commandsFor(runId)).noneMatch(c -> CHAIN.contains(c.module()));
        downstream.answerRun(validate, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> run(runId).getString("status").equals("FAILED"));
        assertThat(run(runId).getString("modules.find { it.module == 'database' }.reason"))
                .contains("attempts spent (3/3)").contains("import.unresolved");
        assertThat(moduleStatus(runId, "config")).isEqualTo("VALIDATED");
        assertThat(run(runId).getString("reason")).doesNotContainIgnoringCase("succeeded");
        assertThat(run(runId).getList("modules.find { it.module == 'database' }.attempts.collect { it.issues[0].rule }"))
                .as("every attempt keeps the issues its validation found")
                .containsExactly("js.syntax", "js.syntax", "import.unresolved");
    }

    @Test
    void nonRetryableRejectionFailsAtOnce() {
        UUID runId = submit(spec());
        downstream.reject(downstream.awaitCommand(runId, "docker", 1), false, "generation.failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(moduleStatus(runId, "docker")));
        assertThat(downstream.commandsFor(runId)).filteredOn(c -> c.module().equals("docker")).hasSize(1);
        assertThat(run(runId).getString("modules.find { it.module == 'docker' }.reason")).startsWith("not retryable");
    }

    @Test
    void duplicateAndStaleVerdictsHaveNoEffect() {
        UUID runId = submit(spec());
        GenerateModule database = downstream.awaitCommand(runId, "database", 1);
        downstream.pass(database);
        downstream.pass(database);
        downstream.awaitCommand(runId, "models", 1);
        GenerateModule models = downstream.awaitCommand(runId, "models", 1);
        // A verdict for an attempt that was never dispatched is stale.
        downstream.reject(new GenerateModule(runId + "/models/7", runId, "models", 7, models.stack(), models.spec(),
                models.plan(), List.of(), models.generator(), List.of(), models.deadline(), models.issuedAt()), true,
                "js.syntax");
        downstream.pass(models);
        downstream.awaitCommand(runId, "services", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "VALIDATED".equals(moduleStatus(runId, "models")));
        assertThat(downstream.commandsFor(runId)).filteredOn(c -> c.module().equals("models")).hasSize(1);
        assertThat(downstream.commandsFor(runId)).filteredOn(c -> c.module().equals("services")).hasSize(1);
        assertThat(run(runId).getInt("modules.find { it.module == 'models' }.attempt")).isEqualTo(1);
    }

    @Test
    void malformedVerdictGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        UUID runId = submit(spec());
        downstream.produce(Topics.MODULE_VALIDATED, runId.toString(), "{not json");
        downstream.pass(downstream.awaitCommand(runId, "database", 1));
        downstream.awaitCommand(runId, "models", 1);
        var dlq = downstream.companion().consumeStrings().fromTopics(Topics.MODULE_VALIDATED_DLQ)
                .awaitRecords(1, Duration.ofSeconds(30));
        assertThat(dlq.getRecords()).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo("{not json");
            assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull();
        });
        dlq.stop();
    }

    @Test
    void commandsCommittedButNotPublishedBeforeACrashArePublishedByTheSweep() {
        relay.setFaultPoint(OutboxRelay.FaultPoint.SKIP_PUBLISH_AFTER_COMMIT);
        UUID runId;
        try {
            runId = submit(spec());
            assertThat(run(runId).getString("status")).isEqualTo("RUNNING");
        } finally {
            relay.setFaultPoint(OutboxRelay.FaultPoint.NONE);
        }
        for (String module : INDEPENDENT) {
            downstream.awaitCommand(runId, module, 1);
        }
    }

    @Test
    void everyCommandAndEventIsPublishedRightAfterItsCommitWithoutTheSweep() {
        relay.setFaultPoint(OutboxRelay.FaultPoint.SKIP_SWEEP);
        try {
            UUID runId = submit(spec());
            for (String module : INDEPENDENT) {
                downstream.pass(downstream.awaitCommand(runId, module, 1));
            }
            for (String module : CHAIN) {
                downstream.pass(downstream.awaitCommand(runId, module, 1));
            }
            downstream.answerRun(downstream.awaitValidateRun(runId, 1), true);
            awaitRunStatusEvent(runId, "SUCCEEDED");
        } finally {
            relay.setFaultPoint(OutboxRelay.FaultPoint.NONE);
        }
    }

    @Test
    void replayAndCancelArePublishedRightAfterTheirCommitWithoutTheSweep() {
        relay.setFaultPoint(OutboxRelay.FaultPoint.SKIP_SWEEP);
        try {
            UUID runId = submit(spec());
            for (String m : List.of("config", "docker", "terraform", "utils")) {
                downstream.pass(downstream.awaitCommand(runId, m, 1));
            }
            downstream.reject(downstream.awaitCommand(runId, "database", 1), false, "generation.failed");
            downstream.answerRun(downstream.awaitValidateRun(runId, 1), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> run(runId).getString("status").equals("FAILED"));

            given().post("/api/runs/" + runId + "/replay").then().statusCode(202);
            downstream.awaitCommand(runId, "database", 2);
            given().post("/api/runs/" + runId + "/cancel").then().statusCode(200);
            awaitRunStatusEvent(runId, "CANCELLED");
        } finally {
            relay.setFaultPoint(OutboxRelay.FaultPoint.NONE);
        }
    }

    /** Waits until the run's status change to {@code status} is on forgeline.run.events. */
    private void awaitRunStatusEvent(UUID runId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> downstream.eventsFor(runId).stream().anyMatch(r ->
                r.value().contains("\"RUN_STATUS_CHANGED\"") && r.value().contains("\"" + status + "\"")));
    }

    @Test
    void llmRunCommandsCarryTheValidatedFilesOfEveryUpstreamModule() {
        UUID runId = submit(spec().replace("\"provider\": \"template\"", "\"provider\": \"llm\", \"model\": \"m\""));
        for (String m : List.of("config", "docker", "terraform", "utils", "database")) {
            GenerateModule command = downstream.awaitCommand(runId, m, 1);
            assertThat(command.upstreamFiles()).as(m).isEmpty();
            downstream.pass(command);
        }
        GenerateModule models = downstream.awaitCommand(runId, "models", 1);
        assertThat(models.upstreamFiles()).extracting(f -> f.path())
                .contains("src/db/pool.js", "migrations/001_init.sql");
        downstream.pass(models);
        GenerateModule services = downstream.awaitCommand(runId, "services", 1);
        assertThat(services.upstreamFiles()).extracting(f -> f.path())
                .contains("src/db/pool.js", "src/models/todo.js");
        assertThat(services.upstreamFiles()).allSatisfy(f -> assertThat(f.content()).isNotBlank());
    }

    @Test
    void replayTurnsAFailedRunIntoASucceededOneAndKeepsValidatedModules() {
        UUID runId = submit(spec());
        for (String m : List.of("config", "docker", "terraform", "utils", "database", "models", "services")) {
            downstream.pass(downstream.awaitCommand(runId, m, 1));
        }
        downstream.reject(downstream.awaitCommand(runId, "handlers", 1), false, "generation.failed");
        ValidateRun first = downstream.awaitValidateRun(runId, 1);
        assertThat(first.modules()).filteredOn(m -> m.module().equals("routes")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(ModuleStatus.SKIPPED));
        downstream.answerRun(first, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> run(runId).getString("status").equals("FAILED"));

        given().post("/api/runs/" + runId + "/replay").then().statusCode(202);
        GenerateModule handlers = downstream.awaitCommand(runId, "handlers", 2);
        downstream.pass(handlers);
        downstream.pass(downstream.awaitCommand(runId, "routes", 1));
        downstream.pass(downstream.awaitCommand(runId, "tests", 1));
        ValidateRun second = downstream.awaitValidateRun(runId, 2);
        assertThat(second.modules()).allSatisfy(m -> assertThat(m.status()).isEqualTo(ModuleStatus.VALIDATED));
        downstream.answerRun(second, true);

        await().atMost(Duration.ofSeconds(20)).until(() -> run(runId).getString("status").equals("SUCCEEDED"));
        assertThat(downstream.commandsFor(runId)).filteredOn(c -> c.module().equals("config")).hasSize(1);
        assertThat(run(runId).getList("modules.status", String.class)).hasSize(ALL_MODULES.size()).containsOnly("VALIDATED");
    }

    @Test
    void replayOfANamedModuleRegeneratesItAndEverythingDownstream() {
        UUID runId = submit(spec());
        ALL_MODULES.forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
        downstream.answerRun(downstream.awaitValidateRun(runId, 1), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> run(runId).getString("status").equals("SUCCEEDED"));

        given().contentType("application/json").body("{\"modules\": [\"handlers\"]}")
                .post("/api/runs/" + runId + "/replay").then().statusCode(202);
        for (String m : List.of("handlers", "routes", "tests")) {
            downstream.pass(downstream.awaitCommand(runId, m, 2));
        }
        downstream.answerRun(downstream.awaitValidateRun(runId, 2), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> run(runId).getString("status").equals("SUCCEEDED"));
        assertThat(downstream.commandsFor(runId)).filteredOn(c -> c.module().equals("services")).hasSize(1);
    }

    @Test
    void cancelledRunIgnoresLateVerdicts() {
        UUID runId = submit(spec());
        GenerateModule database = downstream.awaitCommand(runId, "database", 1);
        given().post("/api/runs/" + runId + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> downstream.eventsFor(runId).stream()
                .anyMatch(r -> r.value().contains("\"CANCELLED\"")));
        downstream.pass(database);
        awaitEveryVerdictConsumed();
        assertThat(run(runId).getString("status")).isEqualTo("CANCELLED");
        assertThat(run(runId).getList("modules.status", String.class)).containsOnly("CANCELLED");
        assertThat(downstream.commandsFor(runId)).noneMatch(c -> c.module().equals("models"));
    }

    /** Waits until the orchestrator's group has committed past every verdict produced so far. */
    private void awaitEveryVerdictConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
            admin.describeTopics(List.of(Topics.MODULE_VALIDATED)).allTopicNames().get().get(Topics.MODULE_VALIDATED)
                    .partitions().forEach(p -> partitions.put(new TopicPartition(Topics.MODULE_VALIDATED,
                            p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(partitions).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("forgeline-orchestrator").partitionsToOffsetAndMetadata().get();
                ends.forEach((tp, end) -> {
                    if (end > 0) {
                        assertThat(committed.get(tp)).as("committed offset of %s", tp).isNotNull()
                                .extracting(OffsetAndMetadata::offset).asInstanceOf(
                                        org.assertj.core.api.InstanceOfAssertFactories.LONG)
                                .isGreaterThanOrEqualTo(end);
                    }
                });
            });
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void replayKeepsEveryEarlierAttemptAndItsIssuesInTheSummary() {
        UUID runId = submit(spec());
        downstream.reject(downstream.awaitCommand(runId, "docker", 1), true, "docker.first");
        downstream.reject(downstream.awaitCommand(runId, "docker", 2), true, "docker.second");
        downstream.reject(downstream.awaitCommand(runId, "docker", 3), true, "docker.third");
        ALL_MODULES.stream().filter(m -> !m.equals("docker"))
                .forEach(m -> downstream.pass(downstream.awaitCommand(runId, m, 1)));
        downstream.answerRun(downstream.awaitValidateRun(runId, 1), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> run(runId).getString("status").equals("FAILED"));

        given().post("/api/runs/" + runId + "/replay").then().statusCode(202);
        downstream.reject(downstream.awaitCommand(runId, "docker", 4), true, "docker.fourth");
        await().atMost(Duration.ofSeconds(30)).until(() -> run(runId)
                .getInt("modules.find { it.module == 'docker' }.attempts.size()") >= 5);

        JsonPath after = run(runId);
        assertThat(after.getList("modules.find { it.module == 'docker' }.attempts.attempt", Integer.class))
                .startsWith(1, 2, 3, 4, 5);
        assertThat(after.getList("modules.find { it.module == 'docker' }.attempts.collect { it.issues ? it.issues[0].rule : null }",
                String.class)).startsWith("docker.first", "docker.second", "docker.third", "docker.fourth");
        assertThat(after.getList("modules.find { it.module == 'docker' }.attempts.status", String.class)
                .subList(0, 4)).containsOnly("REJECTED");
    }

    @Test
    void aPathWrittenByTwoModulesFailsTheLaterModuleInsteadOfOverwriting() {
        UUID runId = submit(spec());
        downstream.pass(downstream.awaitCommand(runId, "config", 1));
        GenerateModule docker = downstream.awaitCommand(runId, "docker", 1);
        var stolen = List.of(dev.forgeline.contracts.messages.GeneratedFile.of("package.json", "{\"name\": \"evil\"}\n"));
        downstream.send(new dev.forgeline.contracts.messages.ModuleValidated(docker.commandId(), runId, "docker", 1,
                true, true, 1.0, List.of(), stolen, "template", "fake-worker", 1, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(moduleStatus(runId, "docker")));
        assertThat(run(runId).getString("modules.find { it.module == 'docker' }.reason"))
                .contains("path conflict").contains("package.json").contains("config");
        given().get("/api/runs/" + runId + "/files/package.json").then().statusCode(200)
                .header("X-Forgeline-Module", "config")
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("evil")));
    }

    @Test
    void filesThatWouldPushTheRunOverMaxRunBytesFailTheModuleNotRetryableAndAreNotStored() {
        UUID runId = submit(spec());
        String chunk = "x".repeat(SizeLimits.MAX_FILE_BYTES);
        int half = SizeLimits.MAX_RUN_BYTES / 2 / SizeLimits.MAX_FILE_BYTES + 1;
        for (String module : List.of("config", "docker")) {
            GenerateModule command = downstream.awaitCommand(runId, module, 1);
            List<GeneratedFile> files = new ArrayList<>();
            for (int i = 0; i < half; i++) {
                files.add(GeneratedFile.of(module + "/big-" + i + ".txt", chunk));
            }
            downstream.send(new ModuleValidated(command.commandId(), runId, module, 1, true, true, 1.0, List.of(),
                    files, "template", "fake-worker", 1, 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> !"DISPATCHED".equals(moduleStatus(runId, module)));
        }
        assertThat(moduleStatus(runId, "config")).isEqualTo("VALIDATED");
        assertThat(moduleStatus(runId, "docker")).isEqualTo("FAILED");
        assertThat(run(runId).getString("modules.find { it.module == 'docker' }.reason")).contains("run size limit")
                .contains(String.valueOf(SizeLimits.MAX_RUN_BYTES));
        assertThat(downstream.commandsFor(runId)).noneMatch(c -> c.module().equals("docker") && c.attempt() > 1);
        List<String> paths = given().get("/api/runs/" + runId + "/files").then().statusCode(200).extract()
                .jsonPath().getList("path", String.class);
        assertThat(paths).anyMatch(p -> p.startsWith("config/")).noneMatch(p -> p.startsWith("docker/"));
    }

    @Test
    void runListFiltersByStatusAndPages() {
        UUID cancelled = submit(spec());
        given().post("/api/runs/" + cancelled + "/cancel").then().statusCode(200);
        JsonPath page = given().queryParam("status", "CANCELLED").queryParam("size", 1).get("/api/runs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("runs.status", String.class)).containsOnly("CANCELLED").hasSize(1);
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(1);
        assertThat(page.getInt("size")).isEqualTo(1);
        given().queryParam("status", "DONE").get("/api/runs").then().statusCode(400)
                .body("violations[0].path", org.hamcrest.Matchers.equalTo("status"));
        given().queryParam("size", 500).get("/api/runs").then().statusCode(400);
        given().get("/api/runs/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/runs/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void metersMoveWithARun() {
        double submitted = meter("forgeline_runs_submitted_total", "");
        double cancelled = meter("forgeline_runs_finished_total", "status=\"CANCELLED\"");
        double databaseValidated = meter("forgeline_module_duration_seconds_count",
                "module=\"database\",outcome=\"VALIDATED\"");
        double databaseAttempts = meter("forgeline_module_attempts_total", "module=\"database\"");
        double cancelledDurations = meter("forgeline_run_duration_seconds_count", "status=\"CANCELLED\"");
        double deadLetters = meter("forgeline_dead_letters_total", "topic=\"forgeline.module.validated\"");
        UUID runId = submit(spec());
        downstream.pass(downstream.awaitCommand(runId, "database", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> "VALIDATED".equals(moduleStatus(runId, "database")));
        given().post("/api/runs/" + runId + "/cancel").then().statusCode(200);
        assertThat(meter("forgeline_runs_submitted_total", "")).isEqualTo(submitted + 1);
        assertThat(meter("forgeline_runs_finished_total", "status=\"CANCELLED\"")).isEqualTo(cancelled + 1);
        assertThat(meter("forgeline_module_duration_seconds_count", "module=\"database\",outcome=\"VALIDATED\""))
                .isGreaterThanOrEqualTo(databaseValidated + 1);
        assertThat(meter("forgeline_module_attempts_total", "module=\"database\"")).isGreaterThanOrEqualTo(
                databaseAttempts + 1);
        assertThat(meter("forgeline_run_duration_seconds_count", "status=\"CANCELLED\"")).isEqualTo(
                cancelledDurations + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().contains("forgeline_outbox_backlog"));
        // A verdict the consumer cannot read is dead-lettered and counted.
        downstream.produce(Topics.MODULE_VALIDATED, runId.toString(), "{not json");
        await().atMost(Duration.ofSeconds(20)).until(() -> meter("forgeline_dead_letters_total",
                "topic=\"forgeline.module.validated\"") >= deadLetters + 1);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a meter's samples whose labels contain {@code labels}; 0 when it has none yet. */
    private static double meter(String name, String labels) {
        return metrics().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        String body = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(body).contains("\"status\": \"UP\"", "Reactive PostgreSQL connections health check",
                "SmallRye Reactive Messaging - readiness check", "\"module-validated-in\": \"[OK]\"",
                "\"run-results-in\": \"[OK]\"", "\"outbox-out\": \"[OK]\"");
    }

    private List<String> runStatuses(UUID runId) {
        List<String> statuses = new ArrayList<>();
        for (var record : downstream.eventsFor(runId)) {
            RunEvent event = Json.read(record.value(), RunEvent.class);
            if (event.module() == null) {
                statuses.add(event.status());
            }
        }
        return statuses;
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
