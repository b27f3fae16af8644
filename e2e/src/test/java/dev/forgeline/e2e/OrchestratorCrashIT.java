package dev.forgeline.e2e;

import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/** The orchestrator is killed (SIGKILL) while runs are in flight; after a restart every run still ends SUCCEEDED. */
class OrchestratorCrashIT {
    private static LocalForgeline stack;

    @BeforeAll
    static void start() {
        stack = LocalForgeline.start(E2eSupport.options("orchestrator-crash")
                // A short sweep so that what the crash left in the outbox is published soon after the restart.
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_SWEEP_INTERVAL", "1s")
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_OUTBOX_SWEEP_AGE", "1s"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void runsInFlightWhenTheOrchestratorIsKilledCompleteAfterARestart() {
        ApiClient api = new ApiClient(stack.apiBase());
        byte[] spec = E2eSupport.example("todo-api.json");
        List<UUID> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(submit(api, spec));
        }
        // Kill as soon as the first run has made progress, so that work is certainly in flight.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode run = api.get("/api/runs/" + runs.get(0)).json();
            for (JsonNode m : run.path("modules")) {
                if (m.path("status").asText().equals("VALIDATED")) {
                    return true;
                }
            }
            return false;
        });
        stack.kill(LocalForgeline.ORCHESTRATOR);
        assertThat(stack.service(LocalForgeline.ORCHESTRATOR).process().isAlive()).isFalse();

        stack.restart(LocalForgeline.ORCHESTRATOR);
        for (UUID id : runs) {
            JsonNode run = awaitTerminal(api, id);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            for (JsonNode module : run.path("modules")) {
                assertThat(module.path("status").asText()).isEqualTo("VALIDATED");
            }
        }
    }
}
