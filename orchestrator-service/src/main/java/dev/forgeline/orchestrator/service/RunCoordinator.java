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
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;

/**
 * Wraps every state change in one transaction whose outbox records are published right after the commit, and arms
 * the timer of the next due retry. Concurrent writers on the same run lose the optimistic lock and are retried.
 */
@ApplicationScoped
public class RunCoordinator {
    private final RunProgress progress;
    private final OutboxTransactions transactions;
    private final IsolatedContext context;

    RunCoordinator(RunProgress progress, OutboxTransactions transactions, IsolatedContext context) {
        this.progress = progress;
        this.transactions = transactions;
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
        return context.run(() -> transactions.commit(() -> progress.timeOut(runId)));
    }

    /** Arms the timer of the run's next due retry, if any. */
    private void armRetryTimer(UUID runId, Instant nextRetryAt) {
        if (nextRetryAt != null) {
            long delay = Duration.between(Instant.now(), nextRetryAt).toMillis();
            context.runLater(delay, () -> onTimers(runId));
        }
    }

    private Uni<Void> transact(Supplier<Uni<RunProgress.Applied>> work) {
        return context.run(() -> transactions.commit(work))
                .onFailure(RunCoordinator::isConcurrentUpdate).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(500)).atMost(10)
                .invoke(applied -> armRetryTimer(applied.runId(), applied.nextRetryAt()))
                .replaceWithVoid();
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
