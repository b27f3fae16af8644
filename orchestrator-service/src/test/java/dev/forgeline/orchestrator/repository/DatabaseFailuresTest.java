package dev.forgeline.orchestrator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class DatabaseFailuresTest {

    @Test
    void aRefusedOrCutConnectionAnywhereInTheCausesIsUnavailable() {
        assertThat(DatabaseFailures.unavailable(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("wrapped",
                ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException("query failed",
                new SocketException("Connection reset by peer")))).isTrue();
        assertThat(DatabaseFailures.unavailable(new ClosedChannelException())).isTrue();
    }

    @Test
    void shutdownAndConnectionSqlStatesAreUnavailable() {
        assertThat(DatabaseFailures.unavailable(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isTrue();
        assertThat(DatabaseFailures.unavailable(new PgException("the database system is starting up", "FATAL",
                "57P03", null))).isTrue();
        assertThat(DatabaseFailures.unavailable(new PgException("connection failure", "FATAL", "08006", null)))
                .isTrue();
    }

    @Test
    void queryErrorsAndOtherFailuresAreNot() {
        assertThat(DatabaseFailures.unavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseFailures.unavailable(null)).isFalse();
    }
}
