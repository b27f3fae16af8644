package dev.forgeline.cli;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code forgeline status RUN}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Prints a run's status, reason and module table. Exits 1 when the run ended FAILED, "
                + "TIMED_OUT or CANCELLED, else 0.")
class StatusCommand extends RunCommand {
    @Override
    public Integer call() {
        JsonNode view = gateway().getJson("/api/runs/" + run);
        RunSummary.print(out(), view);
        return RunWatcher.exitCode(view);
    }
}
