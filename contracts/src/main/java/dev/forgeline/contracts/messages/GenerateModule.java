package dev.forgeline.contracts.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;

/**
 * Command to generate one module of a run (topic forgeline.module.commands, key {@code runId:module}).
 * {@code commandId} ({@code runId/module/attempt}) is the idempotency key. {@code runPaths} lists every path planned
 * for the run, so a module may import a file of a module it does not wait for (the run validator checks that the
 * final file set has it).
 */
public record GenerateModule(
        String commandId,
        UUID runId,
        String module,
        int attempt,
        String stack,
        ProjectSpec spec,
        ModulePlan plan,
        List<GeneratedFile> upstreamFiles,
        GeneratorSettings generator,
        List<ValidationIssue> previousIssues,
        Instant deadline,
        Instant issuedAt,
        List<String> runPaths) {

    public GenerateModule {
        upstreamFiles = upstreamFiles == null ? List.of() : List.copyOf(upstreamFiles);
        previousIssues = previousIssues == null ? List.of() : List.copyOf(previousIssues);
        runPaths = runPaths == null ? List.of() : List.copyOf(runPaths);
    }

    /** A command without the run's other planned paths (older producers, tests). */
    public GenerateModule(String commandId, UUID runId, String module, int attempt, String stack, ProjectSpec spec,
            ModulePlan plan, List<GeneratedFile> upstreamFiles, GeneratorSettings generator,
            List<ValidationIssue> previousIssues, Instant deadline, Instant issuedAt) {
        this(commandId, runId, module, attempt, stack, spec, plan, upstreamFiles, generator, previousIssues, deadline,
                issuedAt, List.of());
    }

    public String recordKey() {
        return runId + ":" + module;
    }
}
