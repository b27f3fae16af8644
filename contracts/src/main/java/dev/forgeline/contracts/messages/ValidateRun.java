package dev.forgeline.contracts.messages;

import java.util.List;
import java.util.UUID;

/**
 * Command to validate a whole run once every module is terminal (topic forgeline.run.commands, key runId).
 * {@code validation} counts the run validations (replays validate again); commandId is
 * {@code runId/validate/validation}.
 */
public record ValidateRun(String commandId, UUID runId, int validation, String stack, List<ModuleOutcome> modules,
        List<RunFile> files) {
    public ValidateRun {
        modules = modules == null ? List.of() : List.copyOf(modules);
        files = files == null ? List.of() : List.copyOf(files);
    }
}
