package dev.forgeline.cli;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code forgeline dead-letters replay ID... | --topic T}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-publishes dead letters to their source topic, each once: the named ones, or every "
                + "record of one dead-letter topic. A dead letter already replayed is left alone. Exits 2 when an "
                + "id names no retained record.")
class DeadLettersReplayCommand extends GatewayCommand {
    @Parameters(paramLabel = "ID", arity = "0..*",
            description = "A dead letter's id, <topic>.dlq:<partition>:<offset>, as `dead-letters list` prints it.")
    List<String> ids;

    @Option(names = "--topic", paramLabel = "T", description = "Every record of this dead-letter topic instead.")
    String topic;

    @Override
    public Integer call() {
        boolean byIds = ids != null && !ids.isEmpty();
        if (byIds == (topic != null)) {
            throw new ParameterException(spec.commandLine(), "give either dead-letter IDs or --topic T, not "
                    + (byIds ? "both" : "neither"));
        }
        Map<String, Object> request = byIds ? Map.of("ids", ids) : Map.of("topic", topic);
        JsonNode result = gateway().postJson("/api/dead-letters/replay", Json.write(request).getBytes(), Map.of());
        for (JsonNode r : result.path("results")) {
            out().println(ProgressDisplay.pad(r.path("outcome").asText(), 16) + r.path("id").asText()
                    + (r.hasNonNull("sourceTopic") ? " -> " + r.path("sourceTopic").asText() : ""));
        }
        out().println("replayed " + result.path("replayed").asInt() + ", already replayed "
                + result.path("alreadyReplayed").asInt() + ", not found " + result.path("notFound").asInt()
                + (result.path("truncated").asBoolean() ? " (only the oldest records of the topic were read: replay "
                        + "the others by id, or raise forgeline.dead-letters.max-scan)" : ""));
        return result.path("notFound").asInt() > 0 ? ExitCodes.USAGE : ExitCodes.OK;
    }
}
