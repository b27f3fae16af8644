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

    public Uni<Run> findByIdempotencyKey(String tenant, String key) {
        return find("tenant = ?1 and idempotencyKey = ?2", tenant, key).firstResult();
    }

    /** A page of runs, newest first, with the status (null: any) of the tenant (null: every tenant's). */
    public Uni<List<Run>> list(RunStatus status, String tenant, int page, int size) {
        Filter f = Filter.of(status, tenant);
        var query = f.query().isEmpty() ? findAll(Sort.descending("createdAt"))
                : find(f.query(), Sort.descending("createdAt"), f.params());
        return query.page(Page.of(page, size)).list();
    }

    public Uni<Long> count(RunStatus status, String tenant) {
        Filter f = Filter.of(status, tenant);
        return f.query().isEmpty() ? count() : count(f.query(), f.params());
    }

    /** A where clause on status and tenant, each optional. */
    private record Filter(String query, Object[] params) {
        static Filter of(RunStatus status, String tenant) {
            if (status != null && tenant != null) {
                return new Filter("status = ?1 and tenant = ?2", new Object[] {status, tenant});
            }
            if (status != null) {
                return new Filter("status = ?1", new Object[] {status});
            }
            if (tenant != null) {
                return new Filter("tenant = ?1", new Object[] {tenant});
            }
            return new Filter("", new Object[0]);
        }
    }

    public Uni<List<Run>> findPastDeadline(Instant now, int limit) {
        return find("status not in ?1 and deadlineAt < ?2", List.of(RunStatus.SUCCEEDED, RunStatus.FAILED,
                RunStatus.TIMED_OUT, RunStatus.CANCELLED), now).page(Page.ofSize(limit)).list();
    }
}
