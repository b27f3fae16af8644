package dev.forgeline.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackPlanner;

/** Test fixtures: the todo-api example spec, its plan, and GenerateModule commands for its modules. */
public final class Commands {
    private Commands() {
    }

    public static ProjectSpec todoApi() {
        Path example = Path.of("..", "examples", "todo-api.json");
        try {
            SpecParser.Result result = SpecParser.parse(Files.readString(example));
            if (!result.ok()) {
                throw new IllegalStateException("examples/todo-api.json is invalid: " + result.violations());
            }
            return result.spec();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + example.toAbsolutePath(), e);
        }
    }

    public static List<ModulePlan> plan(ProjectSpec spec) {
        return StackPlanner.plan(StackCatalog.load().get(spec.stack()), spec);
    }

    public static ModulePlan module(ProjectSpec spec, String module) {
        return plan(spec).stream().filter(m -> m.module().equals(module)).findFirst().orElseThrow();
    }

    /** A command for one module of the spec, due in a minute. */
    public static GenerateModule command(ProjectSpec spec, String module) {
        return command(UUID.randomUUID(), spec, module(spec, module), spec.generatorOrDefault(),
                Instant.now().plusSeconds(60));
    }

    public static GenerateModule command(UUID runId, ProjectSpec spec, ModulePlan plan, GeneratorSettings generator,
            Instant deadline) {
        List<GeneratedFile> upstream = plan.dependsOn().isEmpty() ? List.of()
                : List.of(GeneratedFile.of("src/db/pool.js", "'use strict';\n"));
        return new GenerateModule(Ids.commandId(runId, plan.module(), 1), runId, plan.module(), 1, spec.stack(), spec,
                plan, upstream, generator, List.of(), deadline, Instant.now());
    }
}
