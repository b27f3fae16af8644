package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.outbox.OutboxRelay;
import dev.forgeline.orchestrator.repository.RunModuleRepository;
import dev.forgeline.orchestrator.repository.RunRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The safety net: publishes outbox records a crash left behind, fires retries and lease expiries whose timers were
 * lost, and ends runs past their deadline. The hot path never waits for it.
 */
@ApplicationScoped
public class RunSweeper {
    private static final int BATCH = 100;

    private final OutboxRelay relay;
    private final RunRepository runs;
    private final RunModuleRepository modules;
    private final RunCoordinator coordinator;
    private final IsolatedContext context;
    private final RunMetrics metrics;

    RunSweeper(OutboxRelay relay, RunRepository runs, RunModuleRepository modules, RunCoordinator coordinator,
            IsolatedContext context, RunMetrics metrics) {
        this.metrics = metrics;
        this.relay = relay;
        this.runs = runs;
        this.modules = modules;
        this.coordinator = coordinator;
        this.context = context;
    }

    @Scheduled(every = "${forgeline.orchestrator.sweep-interval:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sweepOnce().onFailure().recoverWithUni(e -> {
            Log.warnf(e, "sweep failed; the next one retries");
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> sweepOnce() {
        Instant now = Instant.now();
        return relay.sweep()
                .chain(() -> relay.backlog().invoke(metrics::outboxBacklog))
                .chain(() -> context.run(() -> Panache.withSession(() -> modules.runsNeedingAttention(now, BATCH))))
                .chain(ids -> each(ids, coordinator::onTimers))
                .chain(() -> context.run(() -> Panache.withSession(() -> runs.findPastDeadline(now, BATCH))))
                .chain(late -> each(late.stream().map((Run r) -> r.id).toList(),
                        id -> coordinator.timeOut(id).replaceWithVoid()));
    }

    private static Uni<Void> each(List<UUID> ids, java.util.function.Function<UUID, Uni<Void>> action) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> action.apply(id)).collect().asList()
                .replaceWithVoid();
    }
}
