package dev.forgeline.cli;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code forgeline cancel RUN}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a run that has not ended.")
class CancelCommand extends RunCommand {
    @Override
    public Integer call() {
        JsonNode cancelled = gateway().postJson("/api/runs/" + run + "/cancel", new byte[0], Map.of());
        out().println("run " + cancelled.path("id").asText() + " "
                + cancelled.path("status").asText());
        return ExitCodes.OK;
    }
}
