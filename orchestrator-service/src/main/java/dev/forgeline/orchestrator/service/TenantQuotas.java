package dev.forgeline.orchestrator.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.config.QuotaConfig;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.domain.QuotaDecision;
import dev.forgeline.orchestrator.repository.Sql;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Checks a tenant's quotas inside the submit transaction, under a per-tenant advisory lock held until the commit:
 * two submissions (on any instances) cannot both see the last free place.
 */
@ApplicationScoped
public class TenantQuotas {
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('forgeline.quota/' || $1, 0))";
    private static final String USAGE = """
            select count(*) filter (where status in ('QUEUED', 'RUNNING', 'VALIDATING')) as in_flight,
                   count(*) filter (where created_at > $2) as recent,
                   min(created_at) filter (where created_at > $2) as oldest_recent
              from runs
             where tenant = $1 and (status in ('QUEUED', 'RUNNING', 'VALIDATING') or created_at > $2)""";

    private final QuotaDecision.Limits limits;

    TenantQuotas(QuotaConfig config) {
        this.limits = new QuotaDecision.Limits(config.runsInFlight(), config.submissionsPerMinute(),
                config.inFlightRetryAfter());
    }

    /** Passes, or fails with {@link DomainException.OverQuota}, rolling the transaction back. */
    public Uni<Void> check(SqlConnection c, String tenant) {
        Instant now = Instant.now();
        return c.preparedQuery(LOCK).execute(Tuple.of(tenant))
                .chain(() -> c.preparedQuery(USAGE).execute(Sql.tuple(tenant, now.minus(QuotaDecision.WINDOW))))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    QuotaDecision.Usage usage = new QuotaDecision.Usage(row.getLong("in_flight"),
                            row.getLong("recent"), Sql.instant(row, "oldest_recent"));
                    QuotaDecision decision = QuotaDecision.decide(tenant, usage, limits, now);
                    if (!decision.allowed()) {
                        Log.infof("submission refused: %s", decision.reason());
                        throw new DomainException.OverQuota(decision.reason(), decision.retryAfterSeconds());
                    }
                    return null;
                });
    }
}
