package dev.forgeline.contracts.messages;

import java.util.List;

/** What one module of a run must produce and what it waits for: planned by the orchestrator from the stack. */
public record ModulePlan(String module, boolean critical, List<String> dependsOn, List<PlannedFile> files) {
    public ModulePlan {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public List<String> requiredPaths() {
        return files.stream().map(PlannedFile::path).toList();
    }

    public List<String> criticalPaths() {
        return files.stream().filter(PlannedFile::critical).map(PlannedFile::path).toList();
    }
}
