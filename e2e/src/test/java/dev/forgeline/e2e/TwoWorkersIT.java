package dev.forgeline.e2e;

import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.testkit.PostgresServers;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/**
 * Two generator workers in one consumer group: twenty runs of the four example specs submitted at once all succeed
 * and both workers process commands; what a run archives is exactly what the stack renders, and the todo-api
 * project taken from the archive endpoint installs, passes its tests and serves its API; a worker stopped (SIGTERM)
 * with a command in flight finishes it before it exits. Terraform generations are slowed by the test-only delay
 * fault so that a command is observably in flight.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoWorkersIT {
    private static final List<String> EXAMPLES = List.of("todo-api.json", "blog.json", "inventory.json",
            "every-type.json");
    private static final int RUNS = 20;
    private static final Pattern IN_FLIGHT = Pattern.compile("^forgeline_worker_commands_in_flight(?:\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    private static LocalForgeline stack;
    private static ApiClient api;
    /** One SUCCEEDED run per example, from the first test. */
    private static final Map<String, UUID> SUCCEEDED = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        NodeProject.requireNode();
        // Twenty runs of one tenant at once and more after them: above the default quota of runs in flight.
        stack = LocalForgeline.start(E2eSupport.options("two-workers").workers(2).quotas(2 * RUNS, 10 * RUNS)
                .env(LocalForgeline.WORKER, "FORGELINE_WORKER_FAULTS_DELAY", "2s")
                .env(LocalForgeline.WORKER, "FORGELINE_WORKER_FAULTS_DELAY_MODULES", "terraform"));
        api = stack.adminApi();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void twentyRunsSubmittedAtOnceAllSucceedAndBothWorkersProcessedCommands() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        List<Future<UUID>> submitted = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            byte[] spec = E2eSupport.example(EXAMPLES.get(i % EXAMPLES.size()));
            submitted.add(pool.submit(() -> submit(api, spec)));
        }
        List<UUID> runs = new ArrayList<>();
        for (Future<UUID> f : submitted) {
            runs.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Map<String, Integer> commandsPerWorker = new TreeMap<>();
        for (int i = 0; i < RUNS; i++) {
            JsonNode run = awaitTerminal(api, runs.get(i));
            assertThat(run.path("status").asText()).as("run %s: %s", runs.get(i), run).isEqualTo("SUCCEEDED");
            for (JsonNode module : run.path("modules")) {
                for (JsonNode attempt : module.path("attempts")) {
                    commandsPerWorker.merge(attempt.path("workerId").asText(), 1, Integer::sum);
                }
            }
            SUCCEEDED.putIfAbsent(EXAMPLES.get(i % EXAMPLES.size()), runs.get(i));
        }
        System.out.println("commands per worker: " + commandsPerWorker);
        assertThat(commandsPerWorker.keySet()).containsExactlyInAnyOrder("worker-1", "worker-2");
        assertThat(commandsPerWorker.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
    }

    @Test
    @Order(2)
    void aRunsArchiveHoldsExactlyTheFilesTheStackRendersForEachExample() {
        for (String example : EXAMPLES) {
            ProjectSpec spec = GeneratedProjectsIT.spec(example);
            Map<String, String> archived = archive(runOf(example), spec.name());

            assertThat(archived).as(example).isEqualTo(GeneratedProjectsIT.render(spec));
        }
    }

    @Test
    @Order(3)
    void todoApiFromTheArchiveEndpointPassesItsTestsAndServesItsApi() {
        ProjectSpec spec = GeneratedProjectsIT.spec("todo-api.json");
        NodeProject project = NodeProject.write("todo-api-from-archive", archive(runOf("todo-api.json"), spec.name()))
                .database(PostgresServers.get(), "archived_todo_api_" + Long.toHexString(System.nanoTime()));
        project.install();

        NodeProject.TestRun run = project.test();
        assertThat(run.exitCode()).as("npm test:%n%s", NodeProject.tail(run.log(), 60)).isZero();
        assertThat(run.count("fail")).isZero();
        assertThat(run.count("pass")).isEqualTo(run.count("tests")).isPositive();

        try (NodeProject.Server server = project.start()) {
            new CrudScenario(spec, server).run();
        }
    }

    @Test
    @Order(4)
    void aWorkerStoppedWithACommandInFlightFinishesAndPublishesItBeforeExiting() {
        UUID runId = submit(api, E2eSupport.example("todo-api.json"));
        // Terraform takes 2 s (the delay fault): whichever worker holds it shows a command in flight meanwhile.
        LocalForgeline.Service busy = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(TwoWorkersIT::workerWithACommandInFlight, Optional::isPresent).orElseThrow();
        String stoppedId = busy.env().get("FORGELINE_WORKER_ID");

        long started = System.nanoTime();
        busy.process().stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(busy.process().isAlive()).isFalse();
        assertThat(stopMillis).as("stopped within the 15 s grace").isLessThan(16_000);
        String log = NodeProject.read(busy.process().logFile());
        Matcher finished = Pattern.compile("the commands in flight finished \\((\\d+) answered while draining\\)")
                .matcher(log);
        assertThat(finished.find()).as("%s's log:%n%s", busy.name(), busy.process().tail(40)).isTrue();
        assertThat(Integer.parseInt(finished.group(1))).isGreaterThanOrEqualTo(1);

        JsonNode run = awaitTerminal(api, runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        Set<String> workers = new TreeSet<>();
        for (JsonNode module : run.path("modules")) {
            assertThat(module.path("attempts")).as("%s needed no new attempt", module.path("module")).hasSize(1);
            module.path("attempts").forEach(a -> workers.add(a.path("workerId").asText()));
        }
        assertThat(workers).as("the stopped worker answered what it held").contains(stoppedId);
    }

    private static UUID runOf(String example) {
        assertThat(SUCCEEDED).as("the twenty runs' test ran first").containsKey(example);
        return SUCCEEDED.get(example);
    }

    private static Map<String, String> archive(UUID runId, String projectName) {
        return E2eSupport.archive(api, runId, projectName);
    }

    private static Optional<LocalForgeline.Service> workerWithACommandInFlight() {
        HttpClient http = HttpClient.newHttpClient();
        for (LocalForgeline.Service s : stack.services()) {
            if (!s.module().equals(LocalForgeline.WORKER) || !s.process().isAlive()) {
                continue;
            }
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                        + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = IN_FLIGHT.matcher(metrics);
                if (m.find() && Double.parseDouble(m.group(1)) >= 1) {
                    return Optional.of(s);
                }
            } catch (IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
