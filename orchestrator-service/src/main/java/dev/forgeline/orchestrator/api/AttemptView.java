package dev.forgeline.orchestrator.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One attempt at a module, as appended by the orchestrator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(int attempt, String commandId, String status, Instant dispatchedAt, Instant finishedAt,
        String provider, String workerId, Long generationMs, Long validationMs, Double coverage) {
}
