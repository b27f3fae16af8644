package dev.forgeline.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forgeline download RUN [--out DIR]}. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Writes a run's validated files into a folder (replacing what is there).")
class DownloadCommand extends RunCommand {
    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: out/<name>).")
    Path out;

    @Override
    public Integer call() {
        Gateway api = gateway();
        JsonNode view = api.getJson("/api/runs/" + run);
        String name = view.path("name").asText();
        Path target = out == null ? Path.of("out", name) : out;
        int files = ProjectFolder.write(api.getBytes("/api/runs/" + run + "/archive"), target, name);
        out().println(files + " files of run " + run + " (" + view.path("status").asText()
                + ") written to " + target.toAbsolutePath());
        return ExitCodes.OK;
    }
}
