package dev.forgeline.orchestrator.repository;

import java.io.IOException;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Tells a database that cannot be reached (down, restarting, connections refused, reset or cut) from every other failure. */
public final class DatabaseFailures {
    // 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now (starting up).
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseFailures() {
    }

    /** True if {@code failure} or a cause says PostgreSQL is not reachable right now (worth retrying later). */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // IOException: refused (ConnectException), reset or cut sockets (SocketException, netty's NativeIoException,
            // ClosedChannelException); the only peer a query talks to is the database.
            if (t instanceof IOException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }
}
