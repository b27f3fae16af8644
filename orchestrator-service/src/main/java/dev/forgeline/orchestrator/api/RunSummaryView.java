package dev.forgeline.orchestrator.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.forgeline.contracts.messages.RunStatus;

/** One line of the run list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummaryView(UUID id, String name, String stack, RunStatus status, String reason, Instant createdAt,
        Instant finishedAt, Double successRate, ActorView submittedBy) {
}
