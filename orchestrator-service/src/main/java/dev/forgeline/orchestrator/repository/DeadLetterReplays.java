package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The {@code dead_letter_replays} table: which dead letters were re-published, and when. */
@ApplicationScoped
public class DeadLetterReplays {
    private final Pool pool;

    DeadLetterReplays(Pool pool) {
        this.pool = pool;
    }

    /** When each of the named records was re-published; records never re-published are absent. */
    public Uni<Map<String, Instant>> replayedAt(List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select record_id, replayed_at from dead_letter_replays where record_id = any($1)")
                .execute(Sql.tuple((Object) recordIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Instant> at = new HashMap<>();
                    for (Row row : rows) {
                        at.put(row.getString("record_id"), Sql.instant(row, "replayed_at"));
                    }
                    return at;
                });
    }

    /**
     * Records the replay in a transaction and runs {@code send} inside it, committing only once the send completed.
     * Answers {@code false} without sending when the record was already replayed (a concurrent replay of the same
     * record waits on the row and then finds it). A failed send rolls the row back.
     */
    public Uni<Boolean> recordThenSend(String recordId, String sourceTopic, String key, Instant at,
            Supplier<Uni<?>> send) {
        return pool.withTransaction((SqlConnection connection) -> connection.preparedQuery("""
                        insert into dead_letter_replays (record_id, source_topic, record_key, replayed_at)
                        values ($1, $2, $3, $4) on conflict (record_id) do nothing""")
                .execute(Sql.tuple(recordId, sourceTopic, key, at))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : send.get().replaceWith(true)));
    }
}
