package dev.forgeline.orchestrator.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A command or event written in the same transaction as the state change that caused it and published after the
 * commit. Its writer claims it until {@code claimedUntil}; after that (the writer died) the sweep sends it.
 * {@code traceParent} is the W3C trace context of the span that wrote it (null when tracing is off): the relay
 * publishes the record in that trace.
 */
public record OutboxRecord(UUID id, UUID runId, String topic, String key, String ceType, String payload,
        Instant createdAt, Instant claimedUntil, String traceParent) {
}
