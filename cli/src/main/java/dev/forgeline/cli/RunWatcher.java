package dev.forgeline.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.messages.RunStatus;

/** Watches one run over SSE with a {@link ProgressDisplay}, then prints its summary; used by watch, submit, demo. */
public final class RunWatcher {
    private final Gateway gateway;
    private final PrintWriter out;
    private final boolean live;

    public RunWatcher(Gateway gateway, PrintWriter out, boolean live) {
        this.gateway = gateway;
        this.out = out;
        this.live = live;
    }

    /** Follows the run to its end and returns the run as the gateway then reports it. */
    public JsonNode watch(String runId) {
        ProgressDisplay display = new ProgressDisplay(out, live);
        display.start(gateway.getJson("/api/runs/" + runId));
        new EventStream(gateway).follow(runId, display::accept);
        JsonNode run = gateway.getJson("/api/runs/" + runId);
        RunSummary.print(out, run);
        return run;
    }

    public static int exitCode(JsonNode run) {
        return ExitCodes.of(RunStatus.valueOf(run.path("status").asText()));
    }
}
