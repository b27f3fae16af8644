package dev.forgeline.orchestrator.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.forgeline.contracts.messages.ValidationIssue;

/** One attempt at a module, as appended by the orchestrator, with the issues its validation found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(int attempt, String commandId, String status, Instant dispatchedAt, Instant finishedAt,
        String provider, String workerId, Long generationMs, Long validationMs, Double coverage,
        List<ValidationIssue> issues) {
}
