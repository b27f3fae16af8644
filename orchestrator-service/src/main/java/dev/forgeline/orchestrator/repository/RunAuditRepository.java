package dev.forgeline.orchestrator.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.RunAuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The audit trail of runs (written by {@link RunStore} in the transitions' transactions). */
@ApplicationScoped
public class RunAuditRepository implements PanacheRepositoryBase<RunAuditEntry, UUID> {
    public Uni<List<RunAuditEntry>> forRun(UUID runId) {
        return find("runId", Sort.ascending("at", "id"), runId).list();
    }
}
