package dev.forgeline.contracts.messages;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One state transition of a run or of one of its modules (topic forgeline.run.events, key runId). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(UUID eventId, UUID runId, RunEventType type, String module, Integer attempt, String status,
        Instant at, String detail) {
}
