package dev.forgeline.contracts.messages;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The validator's verdict on one module attempt (topic forgeline.module.validated, key runId). {@code retryable}
 * is false when another attempt cannot help (the generator said so).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleValidated(
        String commandId,
        UUID runId,
        String module,
        int attempt,
        boolean passed,
        boolean retryable,
        double coverage,
        List<ValidationIssue> issues,
        List<GeneratedFile> files,
        String provider,
        String workerId,
        long generationMs,
        long durationMs) {

    public ModuleValidated {
        issues = issues == null ? List.of() : List.copyOf(issues);
        files = files == null ? List.of() : List.copyOf(files);
    }
}
