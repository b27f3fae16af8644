package dev.forgeline.orchestrator.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.RunFileEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Validated files of runs, read side (written by {@link RunStore}). */
@ApplicationScoped
public class RunFileRepository implements PanacheRepositoryBase<RunFileEntity, UUID> {

    public Uni<List<RunFileEntity>> forRun(UUID runId) {
        return find("runId", Sort.ascending("path"), runId).list();
    }

    public Uni<RunFileEntity> findByPath(UUID runId, String path) {
        return find("runId = ?1 and path = ?2", runId, path).firstResult();
    }
}
