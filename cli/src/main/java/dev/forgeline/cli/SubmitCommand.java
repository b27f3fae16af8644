package dev.forgeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code forgeline submit SPEC [--watch] [--idempotency-key K]}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submits a project spec (JSON) and prints the new run's id; --watch follows it to its end.")
class SubmitCommand extends GatewayCommand {
    @Parameters(paramLabel = "SPEC", description = "The spec file, e.g. examples/todo-api.json.")
    Path specFile;

    @Option(names = "--watch", description = "Follow the run's progress until it ends; the exit code is the run's.")
    boolean watch;

    @Option(names = "--idempotency-key", paramLabel = "K",
            description = "Sent as Idempotency-Key: a retry with the same key returns the first run.")
    String idempotencyKey;

    @Override
    public Integer call() {
        byte[] body;
        try {
            body = Files.readAllBytes(specFile);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the spec " + specFile + ": "
                    + (Files.exists(specFile) ? e.getMessage() : "no such file"));
        }
        Gateway api = gateway();
        JsonNode run;
        try {
            run = api.postJson("/api/runs", body,
                    idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
        } catch (GatewayException e) {
            if (e.status() == 400 && e.problem() != null) {
                err().println("forgeline: the spec " + specFile + " was rejected:");
                RunSummary.printProblem(err(), e.problem());
                return ExitCodes.USAGE;
            }
            throw e;
        }
        String runId = run.path("id").asText();
        out().println("run " + runId + " " + run.path("status").asText() + " (" + specFile
                + ")");
        if (!watch) {
            return ExitCodes.OK;
        }
        return RunWatcher.exitCode(new RunWatcher(api, out(), Terminal.isInteractive())
                .watch(runId));
    }
}
