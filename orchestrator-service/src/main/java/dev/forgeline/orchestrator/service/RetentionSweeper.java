package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.config.OrchestratorConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes finished runs older than the retention age, with their modules, attempts and files (cascade), and the
 * outbox rows already published for them. A run that is not terminal is never deleted, whatever its age.
 */
@ApplicationScoped
public class RetentionSweeper {
    private static final String DELETE_RUNS = """
            delete from runs
             where status in ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED') and finished_at < $1
            returning id""";
    private static final String DELETE_OUTBOX = "delete from outbox where published_at is not null and published_at < $1";

    private final Pool pool;
    private final OrchestratorConfig config;

    RetentionSweeper(Pool pool, OrchestratorConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${forgeline.orchestrator.retention-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return deleteExpired().replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf(e, "retention sweep failed; the next one retries");
            return Uni.createFrom().voidItem();
        });
    }

    /** Deletes what retention allows and returns the number of runs deleted. */
    public Uni<Integer> deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(Instant.now().minus(config.retention()), ZoneOffset.UTC);
        return pool.withTransaction(client -> client.preparedQuery(DELETE_RUNS).execute(Tuple.of(cutoff))
                .chain(runs -> client.preparedQuery(DELETE_OUTBOX).execute(Tuple.of(cutoff))
                        .map(ignored -> runs.rowCount())))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("retention deleted %d runs finished before %s", n, cutoff);
                    }
                });
    }
}
