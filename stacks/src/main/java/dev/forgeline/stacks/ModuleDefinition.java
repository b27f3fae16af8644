package dev.forgeline.stacks;

import java.util.List;

/**
 * One module of a stack: what it depends on, whether the run needs it (critical), the spec option that
 * switches it on (null: always), whether only templates may write it, and its files.
 */
public record ModuleDefinition(String name, List<String> dependsOn, boolean critical, String option,
        boolean templateOnly, List<FileRule> files) {
    public ModuleDefinition {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        files = files == null ? List.of() : List.copyOf(files);
    }
}
