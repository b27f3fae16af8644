package dev.forgeline.contracts.messages;

import java.util.List;

/** How one module of a run ended, as sent to the run validator. */
public record ModuleOutcome(String module, ModuleStatus status, boolean critical, int attempts,
        List<String> criticalFiles, int fileCount, String reason) {
    public ModuleOutcome {
        criticalFiles = criticalFiles == null ? List.of() : List.copyOf(criticalFiles);
    }
}
