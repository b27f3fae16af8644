package dev.forgeline.e2e;

import static dev.forgeline.e2e.E2eSupport.awaitTerminal;
import static dev.forgeline.e2e.E2eSupport.module;
import static dev.forgeline.e2e.E2eSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/** A module that can never pass (the worker's test-only fence fault) makes the run FAILED, and says so. */
class FailingModuleRunIT {
    private static LocalForgeline stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalForgeline.start(E2eSupport.options("failing-module")
                .env(LocalForgeline.WORKER, "FORGELINE_WORKER_FAULTS_FENCE_MODULES", "handlers"));
        api = stack.adminApi();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void runWithAModuleThatCannotPassIsFailedAndNamesTheModuleAndTheReason() {
        UUID runId = submit(api, E2eSupport.example("todo-api.json"));
        JsonNode run = awaitTerminal(api, runId);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.path("reason").asText()).contains("handlers").doesNotContainIgnoringCase("succeeded");
        JsonNode handlers = module(run, "handlers");
        assertThat(handlers.path("status").asText()).isEqualTo("FAILED");
        assertThat(handlers.path("attempt").asInt()).isEqualTo(3);
        assertThat(handlers.path("reason").asText()).contains("fence.markdown");
        assertThat(module(run, "routes").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(module(run, "tests").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(module(run, "services").path("status").asText()).isEqualTo("VALIDATED");
        assertThat(run.path("counts").path("fullyValidated").asInt()).isEqualTo(7);
    }
}
