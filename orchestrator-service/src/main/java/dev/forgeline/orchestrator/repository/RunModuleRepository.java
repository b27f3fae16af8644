package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.orchestrator.domain.RunModule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The modules of runs. */
@ApplicationScoped
public class RunModuleRepository implements PanacheRepositoryBase<RunModule, UUID> {

    public Uni<List<RunModule>> forRun(UUID runId) {
        return find("runId", Sort.ascending("position"), runId).list();
    }

    /** Run ids that have a retry due or a lease expired at {@code now}. */
    public Uni<List<UUID>> runsNeedingAttention(Instant now, int limit) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select distinct m.runId from RunModule m where (m.status = :retry and m.nextAttemptAt <= :now)"
                        + " or (m.status = :dispatched and m.leaseUntil < :now)", UUID.class)
                .setParameter("retry", ModuleStatus.RETRY_SCHEDULED)
                .setParameter("dispatched", ModuleStatus.DISPATCHED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList());
    }
}
