package dev.forgeline.stacks;

import java.util.Map;
import java.util.function.Function;

import dev.forgeline.stacks.expressjs.ExpressJsContext;
import dev.forgeline.stacks.render.ProjectModel;

/**
 * What a stack adds to the template context beyond the shared {@link ProjectModel}: language- and framework-specific
 * values live in the stack's own package, keyed here by stack name.
 */
public final class StackExtensions {
    private static final Map<String, Function<ProjectModel, Map<String, Object>>> BY_STACK = Map.of(
            "express-js", project -> Map.of("expressJs", new ExpressJsContext(project)));

    private StackExtensions() {
    }

    /** The extra context entries of this stack for this project (empty for a stack without an extension). */
    public static Map<String, Object> context(StackDefinition stack, ProjectModel project) {
        Function<ProjectModel, Map<String, Object>> extension = BY_STACK.get(stack.name());
        return extension == null ? Map.of() : extension.apply(project);
    }
}
