package dev.forgeline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL of its own that can be stopped and started again on the same data directory and port,
 * as a database restart would. Not the JVM-wide server: the fault suite's database scenario uses this one.
 */
public final class RestartablePostgres implements PostgresEndpoint, AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final CloseOnExit closeOnExit;
    private EmbeddedPostgres server;

    private RestartablePostgres() {
        this.dataDirectory = TempDirs.create("forgeline-pg-restartable-");
        this.port = Ports.freePort();
        this.closeOnExit = new CloseOnExit("restartable-postgres-shutdown", this::shutdown);
    }

    /** Runs initdb in a fresh directory and starts the server on a free port. */
    public static RestartablePostgres start() {
        LogLevels.warnOnly("io.zonky.test");
        RestartablePostgres postgres = new RestartablePostgres();
        postgres.startServer();
        return postgres;
    }

    /** Stops the server (a fast shutdown: open connections are ended); the data stays. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts the server again on the same data directory and port. */
    public synchronized void startAgain() {
        if (server == null) {
            startServer();
        }
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // Kept across stop and start; deleted by close().
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", HOST)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " in " + dataDirectory, e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    @Override
    public String reactiveUrl(String database) {
        return "postgresql://" + HOST + ":" + port + "/" + database;
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
        Databases.createIfMissing(jdbcUrl("postgres"), USERNAME, PASSWORD, name);
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        closeOnExit.closeNow();
    }

    private void shutdown() {
        try {
            stop();
        } finally {
            TempDirs.deleteRecursively(dataDirectory);
        }
    }
}
