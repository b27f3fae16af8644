package dev.forgeline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from Maven-packaged binaries, with its data in a temporary directory. */
public final class EmbeddedPostgresServer implements PostgresEndpoint, AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final String USERNAME = "postgres";
    // initdb runs with trust authentication, so any password is accepted; clients still want one.
    private static final String PASSWORD = "postgres";
    private static final String ADMIN_DATABASE = "postgres";
    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final CloseOnExit closeOnExit;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.closeOnExit = new CloseOnExit("embedded-postgres-shutdown", this::shutdown);
    }

    /** Runs initdb in a fresh temporary directory and starts the server on a free port. */
    public static EmbeddedPostgresServer start() {
        // zonky relays every initdb and server line at INFO; failures still surface as exceptions.
        LogLevels.warnOnly("io.zonky.test");
        Path dataDirectory = TempDirs.create("forgeline-pg-");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", HOST)
                    .setServerConfig("max_connections", "300")
                    // Durability is pointless for throw-away test data and costs seconds per test run.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            TempDirs.deleteRecursively(dataDirectory);
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** One server per class loader, started on first use and stopped at JVM exit; do not close it. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    @Override
    public String reactiveUrl(String database) {
        return "postgresql://" + HOST + ":" + port() + "/" + database;
    }

    @Override
    public String username() {
        return USERNAME;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void createDatabase(String name) {
        Databases.createIfMissing(jdbcUrl(ADMIN_DATABASE), USERNAME, PASSWORD, name);
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        closeOnExit.closeNow();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    private void shutdown() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            TempDirs.deleteRecursively(dataDirectory);
        }
    }
}
