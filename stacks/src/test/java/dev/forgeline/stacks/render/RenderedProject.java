package dev.forgeline.stacks.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;

/** Test helper: a spec rendered file by file through the whole plan of its stack. */
record RenderedProject(ProjectSpec spec, List<ModulePlan> plan, Map<String, String> files) {

    static ProjectSpec todoApi() {
        return example("todo-api.json");
    }

    /** A spec of the repository's examples/ folder. */
    static ProjectSpec example(String name) {
        Path example = Path.of("..", "examples", name);
        try {
            return parse(Files.readString(example));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + example.toAbsolutePath(), e);
        }
    }

    static ProjectSpec resource(String name) {
        try (var in = RenderedProject.class.getResourceAsStream("/specs/" + name)) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProjectSpec parse(String json) {
        SpecParser.Result result = SpecParser.parse(json);
        if (!result.ok()) {
            throw new IllegalArgumentException("invalid spec: " + result.violations());
        }
        return result.spec();
    }

    static RenderedProject render(ProjectSpec spec) {
        return render(new TemplateRenderer(), spec);
    }

    static RenderedProject render(TemplateRenderer renderer, ProjectSpec spec) {
        StackDefinition stack = StackCatalog.load().get(spec.stack());
        List<ModulePlan> plan = StackPlanner.plan(stack, spec);
        Map<String, String> files = new TreeMap<>();
        for (ModulePlan module : plan) {
            for (PlannedFile file : module.files()) {
                files.put(file.path(), renderer.render(stack, spec, file));
            }
        }
        return new RenderedProject(spec, plan, files);
    }

    List<String> plannedPaths() {
        return plan.stream().flatMap(m -> m.requiredPaths().stream()).toList();
    }

    /** Writes every file under {@code root}. */
    void writeTo(Path root) throws IOException {
        for (var entry : files.entrySet()) {
            Path target = root.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, entry.getValue());
        }
    }
}
