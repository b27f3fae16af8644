package dev.forgeline.cli;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forgeline replay RUN [--module M]...}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-dispatches a run's failed and skipped modules (or the named ones and everything "
                + "downstream of them) as new attempts; validated modules are kept.")
class ReplayCommand extends RunCommand {
    @Option(names = "--module", paramLabel = "M", description = "A module to replay (repeatable).")
    List<String> modules;

    @Override
    public Integer call() {
        byte[] body = modules == null ? new byte[0] : Json.write(Map.of("modules", modules)).getBytes();
        JsonNode replayed = gateway().postJson("/api/runs/" + run + "/replay", body, Map.of());
        out().println("run " + replayed.path("id").asText() + " "
                + replayed.path("status").asText() + " (replay of "
                + (modules == null ? "its failed and skipped modules" : String.join(", ", modules)) + ")");
        return ExitCodes.OK;
    }
}
