package dev.forgeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;

/** The two renderings of a run's progress: redrawn lines with a bar on a terminal, plain lines otherwise. */
class ProgressDisplayTest {
    private static final UUID RUN = UUID.randomUUID();
    private final StringWriter text = new StringWriter();

    private static JsonNode run() throws Exception {
        return Json.mapper().readTree("{\"status\":\"RUNNING\",\"modules\":[{\"module\":\"config\",\"status\":"
                + "\"DISPATCHED\",\"attempt\":1},{\"module\":\"models\",\"status\":\"PENDING\",\"attempt\":0}]}");
    }

    private static RunEvent module(String module, String status, int attempt) {
        return new RunEvent(UUID.randomUUID(), RUN, RunEventType.MODULE_STATUS_CHANGED, module, attempt, status,
                Instant.parse("2026-12-02T10:00:00Z"), null);
    }

    @Test
    void onATerminalEachModuleHasALineAndTheBarCountsFinishedModules() throws Exception {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), true);
        display.start(run());
        assertThat(display.bar()).isEqualTo("[" + "-".repeat(30) + "] 0/2 modules  RUNNING");
        display.accept(module("config", "VALIDATED", 1));
        assertThat(display.bar()).isEqualTo("[" + "#".repeat(15) + "-".repeat(15) + "] 1/2 modules  RUNNING");
        // The second frame moves the cursor back over the first (2 modules + the bar) and redraws it.
        assertThat(text.toString()).contains("\u001b[3F").contains("config     VALIDATED       attempt 1");
    }

    @Test
    void withoutATerminalEveryEventIsOnePlainLine() throws Exception {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), false);
        display.start(run());
        display.accept(module("models", "DISPATCHED", 1));
        display.accept(module("models", "VALIDATED", 1));
        assertThat(text.toString()).doesNotContain("\u001b").isEqualTo(
                "10:00:00.000  models     DISPATCHED      \n10:00:00.000  models     VALIDATED       \n"
                        .replace("\n", System.lineSeparator()));
    }
}
