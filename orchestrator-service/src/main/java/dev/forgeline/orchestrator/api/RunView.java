package dev.forgeline.orchestrator.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.forgeline.contracts.messages.RunCounts;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.contracts.messages.ValidationIssue;

/** A run's summary: status, reason, module table, counts and the run validator's issues. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(UUID id, String name, String stack, RunStatus status, String reason, Instant createdAt,
        Instant startedAt, Instant finishedAt, Instant deadlineAt, Long durationMs, Double successRate,
        RunCounts counts, List<String> missingCriticalModules, List<String> missingCriticalFiles,
        List<ValidationIssue> issues, List<ModuleView> modules, ActorView submittedBy, List<AuditView> audit) {
}
