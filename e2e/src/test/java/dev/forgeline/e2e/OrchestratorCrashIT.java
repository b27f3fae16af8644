package dev.forgeline.e2e;

import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_OUTBOX_SWEEP_AGE", "1s")
                // Every committed record waits for the sweep, so the kill certainly leaves some unpublished.
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_FAULT_POINT", "SKIP_PUBLISH_AFTER_COMMIT"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void runsInFlightWhenTheOrchestratorIsKilledCompleteAfterARestart() {
        ApiClient api = stack.adminApi();
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
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> unpublishedOutboxRows() > 0);
        stack.kill(LocalForgeline.ORCHESTRATOR);
        assertThat(stack.service(LocalForgeline.ORCHESTRATOR).process().isAlive()).isFalse();
        // Nothing else publishes the outbox: what is unpublished now was unpublished at the kill.
        long leftAtTheKill = unpublishedOutboxRows();
        assertThat(leftAtTheKill).as("outbox rows committed but unpublished at the kill").isPositive();

        stack.restart(LocalForgeline.ORCHESTRATOR, Map.of("FORGELINE_ORCHESTRATOR_FAULT_POINT", ""));
        for (UUID id : runs) {
            JsonNode run = awaitTerminal(api, id);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            for (JsonNode module : run.path("modules")) {
                assertThat(module.path("status").asText()).isEqualTo("VALIDATED");
            }
        }
        System.out.printf("OrchestratorCrashIT: %d outbox rows unpublished at the kill, all published after%n",
                leftAtTheKill);
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublishedOutboxRows() == 0);
    }

    private static long unpublishedOutboxRows() {
        Map<String, String> env = stack.service(LocalForgeline.ORCHESTRATOR).env();
        try (Connection c = DriverManager.getConnection(env.get("FORGELINE_DB_JDBC_URL"),
                env.get("FORGELINE_DB_USERNAME"), env.get("FORGELINE_DB_PASSWORD"));
                ResultSet rs = c.createStatement().executeQuery(
                        "select count(*) from outbox where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
