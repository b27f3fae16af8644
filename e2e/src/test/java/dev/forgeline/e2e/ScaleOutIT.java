package dev.forgeline.e2e;

import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/** Two orchestrator instances on the same topics and database, fifty runs submitted at once. */
class ScaleOutIT {
    private static final int RUNS = 50;

    private static LocalForgeline stack;

    @BeforeAll
    static void start() {
        // Fifty runs of one tenant at once: above the default quota of runs in flight.
        stack = LocalForgeline.start(E2eSupport.options("scale-out").orchestrators(2).quotas(RUNS, 10 * RUNS));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void fiftyConcurrentRunsOverTwoOrchestratorsEachEndOnceWithNoDuplicateIdsOrAttempts() throws Exception {
        List<ApiClient> apis = stack.apiBases().stream().map(b -> new ApiClient(b, stack.adminKey())).toList();
        byte[] spec = E2eSupport.example("todo-api.json");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<UUID>> submitted = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ApiClient api = apis.get(i % apis.size());
            submitted.add(pool.submit(() -> submit(api, spec)));
        }
        Set<UUID> ids = new HashSet<>();
        for (Future<UUID> f : submitted) {
            ids.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(ids).hasSize(RUNS);

        Set<String> commandIds = new HashSet<>();
        int attempts = 0;
        for (UUID id : ids) {
            // Read each run from the instance that did not necessarily accept it: one database, one truth.
            JsonNode run = awaitTerminal(apis.get(Math.floorMod(id.hashCode(), apis.size())), id);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            for (JsonNode module : run.path("modules")) {
                assertThat(module.path("attempt").asInt()).as(id + " " + module.path("module").asText()).isEqualTo(1);
                for (JsonNode attempt : module.path("attempts")) {
                    attempts++;
                    assertThat(commandIds.add(attempt.path("commandId").asText())).as("duplicate attempt").isTrue();
                }
            }
        }
        assertThat(attempts).isEqualTo(RUNS * 10);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            var group = admin.describeConsumerGroups(List.of("forgeline-orchestrator")).all()
                    .get(30, TimeUnit.SECONDS).get("forgeline-orchestrator");
            // Each instance has two consumers in the group (module verdicts and run verdicts).
            assertThat(group.members()).as("both orchestrator instances consume verdicts").hasSize(4);
        }
    }
}
