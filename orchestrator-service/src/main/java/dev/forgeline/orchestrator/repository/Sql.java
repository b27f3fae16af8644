package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Statement arguments and column reads for the reactive SQL client: instants as UTC timestamptz, nulls allowed. */
public final class Sql {
    private Sql() {
    }

    public static Tuple tuple(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
        }
        return tuple;
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }
}
