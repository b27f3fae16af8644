package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.domain.OutboxRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Writes commands and events into the outbox, inside the caller's transaction. While a transaction captures (see
 * {@code OutboxTransactions}), the records it writes are claimed by their writer from birth and handed to it, so they
 * are sent from memory right after the commit without being read back.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxRecord, UUID> {
    // The transaction's Vert.x duplicated context holds the list, as it holds the transaction's session.
    private static final String CAPTURED = OutboxRepository.class.getName() + ".captured";

    private final OrchestratorConfig config;

    OutboxRepository(OrchestratorConfig config) {
        this.config = config;
    }

    public Uni<OutboxRecord> enqueue(UUID runId, String topic, String key, String ceType, Object payload) {
        OutboxRecord record = new OutboxRecord();
        record.id = Ids.uuidV7();
        record.runId = runId;
        record.topic = topic;
        record.recordKey = key;
        record.ceType = ceType;
        record.payload = payload instanceof String s ? s : Json.write(payload);
        record.createdAt = Instant.now();
        List<OutboxRecord> captured = captured(Vertx.currentContext());
        if (captured != null) {
            // Until the sweep age has passed the writer sends it; after that (the writer died) the sweep does.
            record.claimedUntil = record.createdAt.plus(config.outboxSweepAge());
            captured.add(record);
        }
        return persist(record);
    }

    /** Starts capturing the records the current transaction writes (it runs on its own duplicated context). */
    public void startCapture() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("outbox capture needs the transaction's Vert.x context");
        }
        context.putLocal(CAPTURED, new ArrayList<OutboxRecord>());
    }

    /** The records written since {@link #startCapture()}, in write order; ends the capture. */
    public List<OutboxRecord> takeCaptured() {
        Context context = Vertx.currentContext();
        List<OutboxRecord> captured = captured(context);
        if (captured == null) {
            throw new IllegalStateException("no outbox capture on this context");
        }
        context.removeLocal(CAPTURED);
        return List.copyOf(captured);
    }

    private static List<OutboxRecord> captured(Context context) {
        return context == null ? null : context.getLocal(CAPTURED);
    }
}
