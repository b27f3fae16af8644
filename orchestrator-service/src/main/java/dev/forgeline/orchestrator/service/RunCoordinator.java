package dev.forgeline.orchestrator.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;

import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.orchestrator.messaging.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;

/**
 * Wraps every state change in one transaction, publishes the outbox right after the commit, and arms the timer
 * of the next due retry. Concurrent writers on the same run lose the optimistic lock and are retried.
 */
@ApplicationScoped
public class RunCoordinator {
    private final RunProgress progress;
    private final OutboxRelay relay;
    private final IsolatedContext context;

    RunCoordinator(RunProgress progress, OutboxRelay relay, IsolatedContext context) {
        this.progress = progress;
        this.relay = relay;
        this.context = context;
    }

    public Uni<Void> onModuleValidated(ModuleValidated verdict) {
        return transact(() -> progress.applyModuleValidated(verdict));
    }

    public Uni<Void> onRunValidated(RunValidated verdict) {
        return transact(() -> progress.applyRunValidated(verdict));
    }

    public Uni<Void> onTimers(UUID runId) {
        return transact(() -> progress.applyTimers(runId));
    }

    public Uni<Boolean> timeOut(UUID runId) {
        return context.run(() -> Panache.withTransaction(() -> progress.timeOut(runId)))
                .call(timedOut -> timedOut ? relay.publishRun(runId) : Uni.createFrom().voidItem());
    }

    /** Publishes what a just-committed transaction wrote and arms the next retry timer. */
    public Uni<Void> afterCommit(UUID runId, Instant nextRetryAt) {
        if (nextRetryAt != null) {
            long delay = Duration.between(Instant.now(), nextRetryAt).toMillis();
            context.runLater(delay, () -> onTimers(runId));
        }
        return relay.publishRun(runId).replaceWithVoid();
    }

    private Uni<Void> transact(Supplier<Uni<RunProgress.Applied>> work) {
        return context.run(() -> Panache.withTransaction(work))
                .onFailure(RunCoordinator::isConcurrentUpdate).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(500)).atMost(10)
                .chain(applied -> afterCommit(applied.runId(), applied.nextRetryAt()));
    }

    static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleObjectStateException
                    || t instanceof ConstraintViolationException) {
                Log.debugf("concurrent update, retrying: %s", t.getMessage());
                return true;
            }
        }
        return false;
    }
}
