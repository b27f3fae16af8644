package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.orchestrator.domain.OutboxRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Writes commands and events into the outbox, inside the caller's transaction. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxRecord, UUID> {

    public Uni<OutboxRecord> enqueue(UUID runId, String topic, String key, String ceType, Object payload) {
        OutboxRecord record = new OutboxRecord();
        record.id = Ids.uuidV7();
        record.runId = runId;
        record.topic = topic;
        record.recordKey = key;
        record.ceType = ceType;
        record.payload = payload instanceof String s ? s : Json.write(payload);
        record.createdAt = Instant.now();
        return persist(record);
    }
}
