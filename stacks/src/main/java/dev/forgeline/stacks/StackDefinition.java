package dev.forgeline.stacks;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A stack as data: its modules and the names it cannot use as-is (DESIGN §8). */
public record StackDefinition(String name, String description, Set<String> reservedWords,
        Set<String> generatedFields, List<ModuleDefinition> modules) {
    public StackDefinition {
        reservedWords = reservedWords == null ? Set.of() : Set.copyOf(reservedWords);
        generatedFields = generatedFields == null ? Set.of() : Set.copyOf(generatedFields);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public Optional<ModuleDefinition> module(String moduleName) {
        return modules.stream().filter(m -> m.name().equals(moduleName)).findFirst();
    }

    /** Classpath folder holding this stack's templates and prompts. */
    public String resourceRoot() {
        return "stacks/" + name + "/";
    }
}
