package dev.forgeline.orchestrator.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.ModuleAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Module attempts, read side (written by {@link RunStore}). */
@ApplicationScoped
public class ModuleAttemptRepository implements PanacheRepositoryBase<ModuleAttempt, UUID> {

    public Uni<List<ModuleAttempt>> forRun(UUID runId) {
        return find("runId", Sort.ascending("module", "attempt"), runId).list();
    }
}
