package dev.forgeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.local.LocalForgeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forgeline demo [spec.json]}: a local stack, one run watched over SSE, the project in ./out/<name>/. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the local stack like up, submits the spec (default examples/todo-api.json), shows its "
                + "progress, prints the run summary, writes the project to ./out/<name>/, stops everything, and "
                + "exits 0 only if the run SUCCEEDED. The run is submitted with the admin key "
                + "($FORGELINE_ADMIN_KEY, or a new one).")
class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "The spec file (default examples/todo-api.json).")
    Path specFile;

    @Override
    public Integer call() {
        Path file = specFile == null ? defaultSpec() : specFile;
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "no readable spec file at " + file.toAbsolutePath());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LocalForgeline stack = LocalStacks.start(out, ((Forgeline) spec.root().userObject()).environment)) {
            Gateway api = new Gateway(stack.apiBase(), Credentials.adminKey(stack.adminKey()));
            JsonNode submitted;
            try {
                submitted = api.postJson("/api/runs", body, Map.of());
            } catch (GatewayException e) {
                if (e.problem() == null) {
                    throw e;
                }
                out.println("The spec was rejected (HTTP " + e.status() + "):");
                RunSummary.printProblem(out, e.problem());
                return ExitCodes.USAGE;
            }
            String runId = submitted.path("id").asText();
            out.println("run " + runId + " accepted (" + file + ")");
            JsonNode run = new RunWatcher(api, out, Terminal.isInteractive()).watch(runId);
            String name = run.path("name").asText();
            Path target = Path.of("out", name);
            ProjectFolder.write(api.getBytes("/api/runs/" + runId + "/archive"), target, name);
            boolean succeeded = "SUCCEEDED".equals(run.path("status").asText());
            out.println(succeeded ? "Project written to " + target.toAbsolutePath()
                    : "Validated files written to " + target.toAbsolutePath() + " — the run did NOT succeed.");
            out.flush();
            return RunWatcher.exitCode(run);
        }
    }

    private static Path defaultSpec() {
        Path local = Path.of("examples/todo-api.json");
        return Files.isRegularFile(local) ? local : ProjectRoot.find().resolve("examples/todo-api.json");
    }
}
