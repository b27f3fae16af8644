package dev.forgeline.stacks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecViolation;
import dev.forgeline.stacks.expressjs.ExpressJsContext;
import dev.forgeline.stacks.expressjs.ExpressJsRules;
import dev.forgeline.stacks.render.ProjectModel;

/**
 * What a stack adds to the shared code: template context beyond the shared {@link ProjectModel}, and rules of its
 * own for {@link StackPlanner#validate}. Language- and framework-specific code lives in the stack's own package,
 * keyed here by stack name.
 */
public final class StackExtensions {
    private static final Map<String, Function<ProjectModel, Map<String, Object>>> BY_STACK = Map.of(
            "express-js", project -> Map.of("expressJs", new ExpressJsContext(project)));

    private static final Map<String, Function<ProjectSpec, List<SpecViolation>>> RULES = Map.of(
            "express-js", ExpressJsRules::validate);

    private StackExtensions() {
    }

    /** The extra context entries of this stack for this project (empty for a stack without an extension). */
    public static Map<String, Object> context(StackDefinition stack, ProjectModel project) {
        Function<ProjectModel, Map<String, Object>> extension = BY_STACK.get(stack.name());
        return extension == null ? Map.of() : extension.apply(project);
    }

    /** The violations of the stack's own rules (none for a stack without any). */
    public static List<SpecViolation> validate(StackDefinition stack, ProjectSpec spec) {
        Function<ProjectSpec, List<SpecViolation>> rules = RULES.get(stack.name());
        return rules == null ? List.of() : rules.apply(spec);
    }
}
