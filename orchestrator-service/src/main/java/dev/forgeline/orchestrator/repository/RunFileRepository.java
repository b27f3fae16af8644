package dev.forgeline.orchestrator.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.orchestrator.domain.RunFileEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Validated files of runs. */
@ApplicationScoped
public class RunFileRepository implements PanacheRepositoryBase<RunFileEntity, UUID> {

    public Uni<List<RunFileEntity>> forRun(UUID runId) {
        return find("runId", Sort.ascending("path"), runId).list();
    }

    /** The run's files as plain values, not managed entities (nothing to track or dirty-check for a read). */
    public Uni<List<RunFile>> contentsOf(UUID runId) {
        return getSession().chain(session -> session.createSelectionQuery("select new " + RunFile.class.getName()
                + "(f.module, f.path, f.content, f.sha256) from RunFileEntity f where f.runId = :runId order by f.path",
                RunFile.class).setParameter("runId", runId).getResultList());
    }

    public Uni<List<RunFileEntity>> forModules(UUID runId, Collection<String> modules) {
        if (modules.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("runId = ?1 and module in ?2", Sort.ascending("path"), runId, modules).list();
    }

    public Uni<List<RunFileEntity>> withPaths(UUID runId, Collection<String> paths) {
        if (paths.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("runId = ?1 and path in ?2", runId, paths).list();
    }

    public Uni<RunFileEntity> findByPath(UUID runId, String path) {
        return find("runId = ?1 and path = ?2", runId, path).firstResult();
    }

    public Uni<Long> deleteForModule(UUID runId, String module) {
        return delete("runId = ?1 and module = ?2", runId, module);
    }
}
