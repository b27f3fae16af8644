package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.orchestrator.domain.Run;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Runs in PostgreSQL. */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<Run, UUID> {

    public Uni<Run> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }

    public Uni<List<Run>> list(RunStatus status, int page, int size) {
        var query = status == null ? findAll(Sort.descending("createdAt"))
                : find("status", Sort.descending("createdAt"), status);
        return query.page(Page.of(page, size)).list();
    }

    public Uni<Long> countByStatus(RunStatus status) {
        return status == null ? count() : count("status", status);
    }

    public Uni<List<Run>> findPastDeadline(Instant now, int limit) {
        return find("status not in ?1 and deadlineAt < ?2", List.of(RunStatus.SUCCEEDED, RunStatus.FAILED,
                RunStatus.TIMED_OUT, RunStatus.CANCELLED), now).page(Page.ofSize(limit)).list();
    }
}
