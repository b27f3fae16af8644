package dev.forgeline.contracts.messages;

import java.util.List;
import java.util.UUID;

/** The run validator's verdict (topic forgeline.run.results, key runId). */
public record RunValidated(
        String commandId,
        UUID runId,
        int validation,
        boolean passed,
        double successRate,
        List<String> missingCriticalModules,
        List<String> missingCriticalFiles,
        List<ValidationIssue> issues,
        RunCounts counts,
        String reason,
        long durationMs) {

    public RunValidated {
        missingCriticalModules = missingCriticalModules == null ? List.of() : List.copyOf(missingCriticalModules);
        missingCriticalFiles = missingCriticalFiles == null ? List.of() : List.copyOf(missingCriticalFiles);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }
}
