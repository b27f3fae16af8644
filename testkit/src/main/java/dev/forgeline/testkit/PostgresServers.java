package dev.forgeline.testkit;

import java.util.Optional;

/** Picks this JVM's PostgreSQL: {@code FORGELINE_DB_*} if set, else a container when asked or its image is present, else embedded. */
public final class PostgresServers {
    public static final String JDBC_URL_ENV = "FORGELINE_DB_JDBC_URL";
    public static final String USERNAME_ENV = "FORGELINE_DB_USERNAME";
    public static final String PASSWORD_ENV = "FORGELINE_DB_PASSWORD";
    // Quarkus may load the testkit in more than one class loader; system properties are seen by all of them.
    static final String STARTED_JDBC_URL_PROPERTY = "forgeline.testkit.postgres.jdbc-url";
    static final String STARTED_USERNAME_PROPERTY = "forgeline.testkit.postgres.username";
    static final String STARTED_PASSWORD_PROPERTY = "forgeline.testkit.postgres.password";
    private static final String ADMIN_DATABASE = "postgres";
    private static PostgresEndpoint shared;

    private PostgresServers() {
    }

    /** The JVM-wide PostgreSQL, started on first use. */
    public static synchronized PostgresEndpoint get() {
        if (shared == null) {
            shared = fromEnvironment()
                    .or(PostgresServers::startedByAnotherClassLoader)
                    .orElseGet(PostgresServers::startForThisJvm);
        }
        return shared;
    }

    /** The server named by {@code FORGELINE_DB_JDBC_URL} and its credentials, if the URL is set. */
    public static Optional<PostgresEndpoint> fromEnvironment() {
        String url = System.getenv(JDBC_URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String username = System.getenv(USERNAME_ENV);
        if (username == null || username.isBlank()) {
            throw new IllegalStateException(JDBC_URL_ENV + " is set but " + USERNAME_ENV + " is not");
        }
        return Optional.of(new ExternalPostgres(url, username, System.getenv(PASSWORD_ENV)));
    }

    private static Optional<PostgresEndpoint> startedByAnotherClassLoader() {
        return Optional.ofNullable(System.getProperty(STARTED_JDBC_URL_PROPERTY)).map(url -> new ExternalPostgres(url,
                System.getProperty(STARTED_USERNAME_PROPERTY), System.getProperty(STARTED_PASSWORD_PROPERTY)));
    }

    private static PostgresEndpoint startForThisJvm() {
        PostgresEndpoint started = Docker.useContainerFor(ContainerPostgres.IMAGE.asCanonicalNameString()) ? ContainerPostgres.start() : EmbeddedPostgresServer.shared();
        System.setProperty(STARTED_USERNAME_PROPERTY, started.username());
        System.setProperty(STARTED_PASSWORD_PROPERTY, started.password());
        System.setProperty(STARTED_JDBC_URL_PROPERTY, started.jdbcUrl(ADMIN_DATABASE));
        return started;
    }
}
