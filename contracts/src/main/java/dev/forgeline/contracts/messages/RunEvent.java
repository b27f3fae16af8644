package dev.forgeline.contracts.messages;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One state transition of a run or of one of its modules (topic forgeline.run.events, key runId). {@code tenant}
 * (the run's owner) and {@code actor} (who submitted, replayed or cancelled it, on the events those actions caused)
 * are optional: records written before issue 15 have neither and still parse.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(UUID eventId, UUID runId, RunEventType type, String module, Integer attempt, String status,
        Instant at, String detail, String tenant, RunActor actor) {

    /** An event without tenant or actor (as before issue 15). */
    public RunEvent(UUID eventId, UUID runId, RunEventType type, String module, Integer attempt, String status,
            Instant at, String detail) {
        this(eventId, runId, type, module, attempt, status, at, detail, null, null);
    }
}
