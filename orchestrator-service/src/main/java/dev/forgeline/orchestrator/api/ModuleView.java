package dev.forgeline.orchestrator.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ValidationIssue;

/** One row of a run's module table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleView(String module, ModuleStatus status, boolean critical, List<String> dependsOn, int attempt,
        int maxAttempts, Instant firstDispatchedAt, Instant dispatchedAt, Instant validatedAt, Instant finishedAt,
        Instant nextAttemptAt, Long durationMs, Double coverage, int fileCount, String reason,
        List<ValidationIssue> issues, List<AttemptView> attempts) {
}
