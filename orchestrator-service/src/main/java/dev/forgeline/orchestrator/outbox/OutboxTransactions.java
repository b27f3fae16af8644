package dev.forgeline.orchestrator.outbox;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.repository.Sql;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a state change in one transaction together with the outbox rows it produced, and publishes those rows right
 * after the commit: a transaction that rolls back sends nothing, one whose publication fails leaves them to the sweep.
 */
@ApplicationScoped
public class OutboxTransactions {
    private static final String INSERT = """
            insert into outbox (id, run_id, topic, record_key, ce_type, payload, created_at, claimed_until, trace_parent)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    private final Pool pool;
    private final OutboxRelay relay;

    OutboxTransactions(Pool pool, OutboxRelay relay) {
        this.pool = pool;
        this.relay = relay;
    }

    /** What a unit of work returns: its result and the outbox records to write with it. */
    public record Staged<T>(T result, List<OutboxRecord> records) {
    }

    /**
     * Commits the work and its outbox rows, then starts publishing them without waiting for Kafka's acks: the next
     * transaction (the consumer's next batch) overlaps this one's sends. The sends are issued right away, in write
     * order, so a run's records still reach each partition in the order their transactions committed.
     */
    public <T> Uni<T> commit(Function<SqlConnection, Uni<Staged<T>>> work) {
        return pool.withTransaction(connection -> work.apply(connection)
                        .call(staged -> insert(connection, staged.records())))
                .invoke(staged -> relay.publish(staged.records()).subscribe().with(ignored -> {
                }, e -> Log.warnf(e, "publishing after commit failed; the sweep will send the records")))
                .map(Staged::result);
    }

    private static Uni<Void> insert(SqlConnection connection, List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = records.stream().map(r -> Sql.tuple(r.id(), r.runId(), r.topic(), r.key(), r.ceType(),
                r.payload(), r.createdAt(), r.claimedUntil(), r.traceParent())).toList();
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }
}
