package dev.forgeline.orchestrator.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.ModuleAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Module attempts, append-only. */
@ApplicationScoped
public class ModuleAttemptRepository implements PanacheRepositoryBase<ModuleAttempt, UUID> {

    public Uni<ModuleAttempt> find(UUID runId, String module, int attempt) {
        return find("runId = ?1 and module = ?2 and attempt = ?3", runId, module, attempt).firstResult();
    }

    public Uni<List<ModuleAttempt>> forRun(UUID runId) {
        return find("runId", Sort.ascending("module", "attempt"), runId).list();
    }
}
