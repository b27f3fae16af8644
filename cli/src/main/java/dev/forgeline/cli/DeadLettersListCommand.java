package dev.forgeline.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forgeline dead-letters list [--topic T]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists dead letters, newest first: id, time, source topic, key, whether it was replayed, "
                + "the reason and the start of the value.")
class DeadLettersListCommand extends GatewayCommand {
    @Option(names = "--topic", paramLabel = "T",
            description = "Only this dead-letter topic (forgeline.module.validated.dlq, or its source topic's name).")
    String topic;

    @Option(names = "--page", defaultValue = "0", description = "Page number, from 0 (default ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20",
            description = "Dead letters per page, 1-100 (default ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() {
        String query = "?page=" + page + "&size=" + size
                + (topic == null ? "" : "&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8));
        JsonNode result = gateway().getJson("/api/dead-letters" + query);
        PrintWriter out = out();
        for (JsonNode d : result.path("deadLetters")) {
            out.println(d.path("id").asText() + "  " + d.path("time").asText() + "  " + d.path("sourceTopic").asText()
                    + "  key=" + d.path("key").asText("")
                    + (d.path("replayed").asBoolean() ? "  replayed " + d.path("replayedAt").asText() : ""));
            out.println("    reason: " + oneLine(d.path("reason").asText("(none)")));
            out.println("    value:  " + oneLine(d.path("preview").asText("")));
        }
        out.println(result.path("deadLetters").size() + " of " + result.path("total").asLong()
                + " dead letters (page " + result.path("page").asInt() + ")"
                + (result.path("truncated").asBoolean() ? "; only the newest " + result.path("total").asLong()
                        + " of " + result.path("retained").asLong() + " retained records were read" : ""));
        return ExitCodes.OK;
    }

    /** Control characters (newlines in a value) as spaces: one dead letter, three lines. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
