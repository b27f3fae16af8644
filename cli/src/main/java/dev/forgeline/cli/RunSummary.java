package dev.forgeline.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints a run (as {@code GET /api/runs/{id}} returns it) and problem documents for people. */
final class RunSummary {
    private RunSummary() {
    }

    static void print(PrintWriter out, JsonNode run) {
        out.println();
        out.println("Run " + run.path("id").asText() + " (" + run.path("name").asText() + "): "
                + run.path("status").asText());
        out.println("  " + run.path("reason").asText("(no reason recorded)"));
        JsonNode counts = run.path("counts");
        out.printf("  modules: %d total, %d fully validated, %d partially complete, %d failed; success rate %s%n",
                counts.path("total").asInt(), counts.path("fullyValidated").asInt(),
                counts.path("partiallyComplete").asInt(), counts.path("failed").asInt(),
                run.hasNonNull("successRate") ? String.format("%.1f %%", run.path("successRate").asDouble() * 100)
                        : "n/a");
        out.println("  " + ProgressDisplay.pad("module", 11) + ProgressDisplay.pad("status", 17)
                + ProgressDisplay.pad("attempts", 10) + ProgressDisplay.pad("files", 7) + "ms");
        for (JsonNode m : run.path("modules")) {
            out.println("  " + ProgressDisplay.pad(m.path("module").asText(), 11)
                    + ProgressDisplay.pad(m.path("status").asText(), 17)
                    + ProgressDisplay.pad(m.path("attempt").asText(), 10)
                    + ProgressDisplay.pad(m.path("fileCount").asText(), 7) + m.path("durationMs").asText("-")
                    + (m.hasNonNull("reason") ? "   " + m.path("reason").asText() : ""));
        }
    }

    /** A problem document: its detail, then each violation by path. */
    static void printProblem(PrintWriter err, JsonNode problem) {
        err.println("  " + problem.path("detail").asText());
        for (JsonNode v : problem.path("violations")) {
            err.println("  - " + v.path("path").asText() + " [" + v.path("rule").asText() + "] "
                    + v.path("message").asText());
        }
    }
}
