package dev.forgeline.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.messages.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forgeline list [--status S]}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists runs, newest first.")
class ListCommand extends GatewayCommand {
    @Option(names = "--status", paramLabel = "S", description = "Only runs in this status: ${COMPLETION-CANDIDATES}.")
    RunStatus status;

    @Option(names = "--page", defaultValue = "0", description = "Page number, from 0 (default ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Runs per page, 1-100 (default ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() {
        String query = "?page=" + page + "&size=" + size
                + (status == null ? "" : "&status=" + URLEncoder.encode(status.name(), StandardCharsets.UTF_8));
        JsonNode result = gateway().getJson("/api/runs" + query);
        PrintWriter out = out();
        out.println(ProgressDisplay.pad("id", 37) + ProgressDisplay.pad("name", 21) + ProgressDisplay.pad("status", 11)
                + "created");
        for (JsonNode run : result.path("runs")) {
            out.println(ProgressDisplay.pad(run.path("id").asText(), 37) + ProgressDisplay.pad(run.path("name").asText(), 21)
                    + ProgressDisplay.pad(run.path("status").asText(), 11) + run.path("createdAt").asText());
        }
        out.println(result.path("runs").size() + " of " + result.path("total").asLong() + " runs (page "
                + result.path("page").asInt() + ")");
        return ExitCodes.OK;
    }
}
