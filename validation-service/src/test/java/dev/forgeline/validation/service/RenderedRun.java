package dev.forgeline.validation.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.stacks.render.TemplateRenderer;

/**
 * A spec rendered by the stacks module's planner and templates into the messages the validator receives: one
 * {@link ModuleGenerated} per module (upstream paths as the worker sends them) and the run's {@link ValidateRun}.
 */
record RenderedRun(String name, List<ModuleGenerated> modules, Map<String, String> files) {

    /** The specs of the repository's examples/ folder, by file name. */
    static List<Path> examples() {
        try (var stream = Files.list(Path.of("..", "examples"))) {
            return stream.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RenderedRun render(Path specFile) {
        try {
            return render(specFile.getFileName().toString(), spec(Files.readString(specFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProjectSpec spec(String json) {
        SpecParser.Result result = SpecParser.parse(json);
        if (!result.ok()) {
            throw new IllegalArgumentException("invalid spec: " + result.violations());
        }
        return result.spec();
    }

    static RenderedRun render(String name, ProjectSpec spec) {
        StackDefinition stack = StackCatalog.load().get(spec.stack());
        List<ModulePlan> plan = StackPlanner.plan(stack, spec);
        TemplateRenderer renderer = new TemplateRenderer();
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, List<GeneratedFile>> byModule = new LinkedHashMap<>();
        for (ModulePlan module : plan) {
            List<GeneratedFile> generated = new ArrayList<>();
            for (PlannedFile file : module.files()) {
                String content = renderer.render(stack, spec, file);
                files.put(file.path(), content);
                generated.add(GeneratedFile.of(file.path(), content));
            }
            byModule.put(module.module(), generated);
        }
        List<ModuleGenerated> modules = new ArrayList<>();
        for (ModulePlan module : plan) {
            TreeSet<String> upstream = new TreeSet<>(files.keySet());
            module.files().forEach(f -> upstream.remove(f.path()));
            modules.add(new ModuleGenerated(Fixtures.RUN + "/" + module.module() + "/1", Fixtures.RUN, module.module(), 1,
                    GenerationOutcome.GENERATED, null, false, byModule.get(module.module()), module,
                    List.copyOf(upstream), "template", "worker-1", 1));
        }
        return new RenderedRun(name, modules, files);
    }

    /** The run command once every module is VALIDATED, with the final file set. */
    ValidateRun validateRun() {
        List<ModuleOutcome> outcomes = new ArrayList<>();
        List<RunFile> runFiles = new ArrayList<>();
        for (ModuleGenerated m : modules) {
            outcomes.add(new ModuleOutcome(m.module(), ModuleStatus.VALIDATED, m.plan().critical(), 1,
                    m.plan().criticalPaths(), m.files().size(), null));
            for (GeneratedFile f : m.files()) {
                runFiles.add(new RunFile(m.module(), f.path(), f.content(), f.sha256()));
            }
        }
        return new ValidateRun("c", Fixtures.RUN, 1, "express-js", outcomes, runFiles);
    }
}
