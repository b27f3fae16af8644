package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.PostgresServers;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/**
 * The deployment of issue 10 on a real container engine: the images {@code deploy/build-images.sh} builds, the
 * repository's {@code docker-compose.yml} with the offline Kafka and PostgreSQL stand-ins and three generator workers,
 * driven only through the published gateway on 127.0.0.1. The examples and thirty concurrent runs succeed with every
 * worker container generating; a worker killed mid-load and a Kafka restarted mid-load lose and duplicate nothing; a
 * generated project from the archive passes its own tests; {@code down -v} leaves nothing behind. Skipped (one line)
 * without an engine, failed instead when {@code FORGELINE_REQUIRE_DOCKER=1}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ComposeStackIT.FailureFlag.class)
class ComposeStackIT {
    static final String REQUIRE_ENV = "FORGELINE_REQUIRE_DOCKER";
    private static final String KAFKA_STANDIN = "forgeline/kafka-standin:4.0.0";
    private static final String POSTGRES_STANDIN = "forgeline/postgres-standin:17";
    private static final String WORKER = "generator-worker";
    private static final int WORKERS = 3;
    private static final int CONCURRENT_RUNS = 30;
    private static final int RUNS_UNDER_FAULT = 12;
    private static final List<String> EXAMPLES = List.of("todo-api.json", "blog.json", "inventory.json",
            "every-type.json");
    private static final Pattern IN_FLIGHT = Pattern.compile(
            "^forgeline_worker_commands_in_flight(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    private static final String ADMIN_KEY = LocalForgeline.newKey();
    private static ComposeProject compose;
    private static ApiClient api;
    private static boolean failed;
    /** Why the tests are skipped (no engine and containers not required), or null. */
    private static String skipReason;
    private static boolean down;
    /** The todo-api run of the first test, whose archive the npm test installs. */
    private static UUID todoApiRun;

    /** Remembers that a test failed, so that {@link #tearDown()} keeps the compose logs. */
    static final class FailureFlag implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    }

    @BeforeAll
    static void startTheStack() {
        String why = ComposeProject.whyNoEngine();
        if (why != null) {
            if ("1".equals(System.getenv(REQUIRE_ENV))) {
                throw new AssertionError(why + "; " + REQUIRE_ENV + "=1 requires the container e2e (run "
                        + "deploy/prepare-engine.sh as root to install and start an engine)");
            }
            // Skipped test by test (see requireEngine), so that the build's summary counts them as skipped.
            skipReason = "container e2e skipped: " + why + " (" + REQUIRE_ENV + "=1 turns this into a failure)";
            System.out.println(skipReason);
            return;
        }
        NodeProject.requireNode();
        Path root = ProjectRoot.find();
        try {
            long started = System.nanoTime();
            ComposeProject.exec(Map.of(), root, Duration.ofMinutes(10),
                    List.of(root.resolve("deploy/build-images.sh").toString(), "--stand-ins"))
                    .orFail("deploy/build-images.sh --stand-ins");
            System.out.printf("images and stand-ins built in %.1f s%n", seconds(started));

            int port = Ports.freePort();
            String project = "forgeline-e2e-" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
            compose = new ComposeProject(project, root,
                    List.of(root.resolve("docker-compose.yml"), root.resolve("e2e/src/test/resources/compose/worker-delay.yml")),
                    Map.of("KAFKA_IMAGE", KAFKA_STANDIN, "POSTGRES_IMAGE", POSTGRES_STANDIN,
                            "FORGELINE_HTTP_PORT", String.valueOf(port), "FORGELINE_ADMIN_KEY", ADMIN_KEY,
                            // Thirty runs of one tenant at once: above the default quotas.
                            "FORGELINE_QUOTA_RUNS_IN_FLIGHT", "100", "FORGELINE_QUOTA_SUBMISSIONS_PER_MINUTE", "1000"));
            api = new ApiClient(URI.create("http://127.0.0.1:" + port), ADMIN_KEY);

            long up = System.nanoTime();
            compose.compose(Duration.ofMinutes(4), "up", "-d", "--scale", WORKER + "=" + WORKERS).orFail("compose up");
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(ComposeStackIT::everyContainerHealthyAndGatewayReady);
            System.out.printf("time to healthy: %.1f s from `up -d` (%d containers)%n", seconds(up),
                    compose.health().size());
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    @BeforeEach
    void requireEngine() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void tearDown() {
        if (compose == null) {
            return;
        }
        if (failed) {
            compose.saveLogs(ProjectRoot.find().resolve("e2e/target/compose-logs/" + compose.name() + ".log"));
        }
        if (!down) {
            compose.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans", "--timeout", "5");
        }
    }

    @Test
    @Order(1)
    void todoApiAndBlogExamplesSucceedThroughTheGateway() {
        assertThat(api.withToken(null).get("/api/runs").status()).as("the gateway without a token").isEqualTo(401);
        todoApiRun = E2eSupport.submit(api, E2eSupport.example("todo-api.json"));
        UUID blog = E2eSupport.submit(api, E2eSupport.example("blog.json"));

        for (UUID run : List.of(todoApiRun, blog)) {
            JsonNode summary = E2eSupport.awaitTerminal(api, run);
            assertThat(summary.path("status").asText()).as("run %s: %s", run, summary).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    @Order(2)
    void thirtyConcurrentRunsSucceedAndEveryWorkerContainerGeneratesModules() throws Exception {
        List<UUID> runs = submitConcurrently(CONCURRENT_RUNS);

        Map<UUID, JsonNode> finished = awaitAllTerminal(runs);

        assertEverySucceededOnce(finished);
        printWallTimes("30 concurrent runs", finished.values());
        Map<String, Integer> modulesPerContainer = new TreeMap<>();
        List<String> hostnames = compose.containers(WORKER).stream().map(ComposeProject::hostname).toList();
        assertThat(hostnames).hasSize(WORKERS);
        for (JsonNode run : finished.values()) {
            for (JsonNode module : run.path("modules")) {
                for (JsonNode attempt : module.path("attempts")) {
                    String workerId = attempt.path("workerId").asText();
                    assertThat(hostnames).as("a worker's id is its container's hostname").contains(workerId);
                    modulesPerContainer.merge(workerId, 1, Integer::sum);
                }
            }
        }
        System.out.println("modules generated per worker container: " + modulesPerContainer);
        assertThat(modulesPerContainer.keySet()).containsExactlyInAnyOrderElementsOf(hostnames);
    }

    @Test
    @Order(3)
    void aWorkerKilledMidLoadLosesNoRunAndDuplicatesNothing() throws Exception {
        List<UUID> runs = submitConcurrently(RUNS_UNDER_FAULT);
        // Terraform generations take 3 s (the override's delay fault): a worker holding one is mid-command.
        String victim = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(ComposeStackIT::workerWithACommandInFlight, Optional::isPresent).orElseThrow();

        ComposeProject.docker(Duration.ofSeconds(30), "kill", victim).orFail("docker kill");
        long killed = System.nanoTime();
        // Taken after the kill, so it holds what the dead worker can no longer answer: only a live worker that is
        // given its partitions (after the 10 s consumer session timeout) finishes those.
        Set<String> inFlight = dispatchedModules(runs);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> dispatchedModules(runs).stream().noneMatch(inFlight::contains));
        double recovery = seconds(killed);

        Map<UUID, JsonNode> finished = awaitAllTerminal(runs);
        System.out.printf("recovery after `docker kill` of a worker: the %d modules in flight at the kill were all "
                + "answered %.1f s later%n", inFlight.size(), recovery);
        assertThat(ComposeProject.docker(Duration.ofSeconds(20), "inspect", "--format", "{{.State.Running}}", victim)
                .orFail("docker inspect").output().trim()).as("the killed worker stays down").isEqualTo("false");
        assertEverySucceededOnce(finished);
        printWallTimes("12 runs with a worker killed", finished.values());
    }

    @Test
    @Order(4)
    void kafkaRestartedMidLoadLosesNoRun() throws Exception {
        List<UUID> runs = submitConcurrently(RUNS_UNDER_FAULT);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !dispatchedModules(runs).isEmpty());

        long restart = System.nanoTime();
        compose.compose(Duration.ofMinutes(2), "restart", "kafka").orFail("compose restart kafka");
        System.out.printf("`docker-compose restart kafka` took %.1f s%n", seconds(restart));

        Map<UUID, JsonNode> finished = awaitAllTerminal(runs);
        assertEverySucceededOnce(finished);
        printWallTimes("12 runs with Kafka restarted", finished.values());
    }

    @Test
    @Order(5)
    void aProjectFromTheArchiveEndpointPassesItsOwnTests() {
        assertThat(todoApiRun).as("the examples' test ran first").isNotNull();
        ProjectSpec spec = GeneratedProjectsIT.spec("todo-api.json");
        NodeProject project = NodeProject.write("compose-todo-api", E2eSupport.archive(api, todoApiRun, spec.name()))
                .database(PostgresServers.get(), "compose_todo_api_" + Long.toHexString(System.nanoTime()));
        project.install();

        NodeProject.TestRun run = project.test();

        assertThat(run.exitCode()).as("npm test:%n%s", NodeProject.tail(run.log(), 60)).isZero();
        assertThat(run.count("fail")).isZero();
        assertThat(run.count("pass")).isEqualTo(run.count("tests")).isPositive();
    }

    @Test
    @Order(6)
    void downWithVolumesLeavesNoContainerOrVolumeOfTheProject() {
        Set<String> volumes = compose.volumes();
        assertThat(volumes).as("the stack's volumes before down").hasSizeGreaterThanOrEqualTo(2);

        compose.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans", "--timeout", "10")
                .orFail("compose down -v");
        down = true;

        assertThat(compose.containers(null)).as("containers of project %s", compose.name()).isEmpty();
        assertThat(compose.volumes()).as("volumes of project %s", compose.name()).isEmpty();
        assertThat(ComposeProject.existing(volumes)).as("volumes the stack used").isEmpty();
    }

    private static boolean everyContainerHealthyAndGatewayReady() {
        Map<String, String> health = compose.health();
        if (health.size() != 4 + WORKERS || !health.values().stream().allMatch("healthy"::equals)) {
            return false;
        }
        try {
            return api.get("/q/health/ready").status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static List<UUID> submitConcurrently(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<UUID>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] spec = E2eSupport.example(EXAMPLES.get(i % EXAMPLES.size()));
                submitted.add(pool.submit(() -> E2eSupport.submit(api, spec)));
            }
            List<UUID> runs = new ArrayList<>();
            for (Future<UUID> f : submitted) {
                runs.add(f.get(60, TimeUnit.SECONDS));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls every run until all are terminal; returns their final summaries. */
    private static Map<UUID, JsonNode> awaitAllTerminal(List<UUID> runs) {
        Map<UUID, JsonNode> done = new LinkedHashMap<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (UUID run : runs) {
                if (!done.containsKey(run)) {
                    JsonNode summary = api.get("/api/runs/" + run).json();
                    if (E2eSupport.TERMINAL.contains(summary.path("status").asText())) {
                        done.put(run, summary);
                    }
                }
            }
            return done.size() == runs.size();
        });
        return done;
    }

    /** "runId/module" of every module currently dispatched to a worker. */
    private static Set<String> dispatchedModules(List<UUID> runs) {
        Set<String> dispatched = new HashSet<>();
        for (UUID run : runs) {
            for (JsonNode module : api.get("/api/runs/" + run).json().path("modules")) {
                if (module.path("status").asText().equals("DISPATCHED")) {
                    dispatched.add(run + "/" + module.path("module").asText());
                }
            }
        }
        return dispatched;
    }

    /**
     * Every run SUCCEEDED; each module's attempts are numbered 1..n once each with distinct command ids (a command
     * redelivered after a kill or restart was not recorded twice); the archive holds each file once, exactly the
     * files the stack renders for the spec.
     */
    private static void assertEverySucceededOnce(Map<UUID, JsonNode> finished) {
        Map<String, Map<String, String>> rendered = new HashMap<>();
        for (Map.Entry<UUID, JsonNode> entry : finished.entrySet()) {
            JsonNode run = entry.getValue();
            assertThat(run.path("status").asText()).as("run %s: %s", entry.getKey(), run).isEqualTo("SUCCEEDED");
            for (JsonNode module : run.path("modules")) {
                List<Integer> numbers = new ArrayList<>();
                Set<String> commands = new HashSet<>();
                module.path("attempts").forEach(a -> {
                    numbers.add(a.path("attempt").asInt());
                    commands.add(a.path("commandId").asText());
                });
                assertThat(numbers).as("attempts of %s in run %s", module.path("module"), entry.getKey())
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
                assertThat(commands).as("command ids of %s in run %s", module.path("module"), entry.getKey())
                        .hasSize(numbers.size());
            }
            String name = run.path("name").asText();
            Map<String, String> expected = rendered.computeIfAbsent(name, n -> GeneratedProjectsIT.render(
                    GeneratedProjectsIT.spec(EXAMPLES.stream().filter(e -> specName(e).equals(n)).findFirst()
                            .orElseThrow(() -> new AssertionError("run of an unknown spec " + n)))));
            assertThat(E2eSupport.archive(api, entry.getKey(), name)).as("archive of run %s", entry.getKey())
                    .isEqualTo(expected);
        }
    }

    private static String specName(String example) {
        return GeneratedProjectsIT.spec(example).name();
    }

    /** A worker container whose metrics show a command in flight (asked through `docker exec`, no port published). */
    private static Optional<String> workerWithACommandInFlight() {
        for (String id : compose.containers(WORKER)) {
            ComposeProject.Result metrics = ComposeProject.docker(Duration.ofSeconds(10), "exec", id, "curl", "-fsS",
                    "http://127.0.0.1:8081/q/metrics");
            Matcher m = IN_FLIGHT.matcher(metrics.output());
            if (metrics.exit() == 0 && m.find() && Double.parseDouble(m.group(1)) >= 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static void printWallTimes(String what, Iterable<JsonNode> runs) {
        List<Long> millis = new ArrayList<>();
        for (JsonNode run : runs) {
            millis.add(Duration.between(Instant.parse(run.path("createdAt").asText()),
                    Instant.parse(run.path("finishedAt").asText())).toMillis());
        }
        millis.sort(null);
        System.out.printf("%s: wall time p50 %.1f s, max %.1f s%n", what, millis.get(millis.size() / 2) / 1000.0,
                millis.get(millis.size() - 1) / 1000.0);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
