package dev.forgeline.orchestrator.service;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.OutboxRecord;
import dev.forgeline.orchestrator.messaging.OutboxRelay;
import dev.forgeline.orchestrator.repository.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Runs a state change in one transaction and publishes the outbox records it wrote right after the commit. */
@ApplicationScoped
public class OutboxTransactions {
    private final OutboxRepository outbox;
    private final OutboxRelay relay;

    OutboxTransactions(OutboxRepository outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    private record Committed<T>(T result, List<OutboxRecord> records) {
    }

    /**
     * The records are taken before the commit but sent only once it succeeded: a transaction that rolls back sends
     * nothing, and one whose publication fails leaves its records to the sweep.
     */
    public <T> Uni<T> commit(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> {
            outbox.startCapture();
            return work.get().map(result -> new Committed<>(result, outbox.takeCaptured()));
        }).call(committed -> relay.publish(committed.records())).map(Committed::result);
    }
}
