package dev.forgeline.testkit;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a Docker container, configured like {@link EmbeddedPostgresServer}. */
final class ContainerPostgres implements PostgresEndpoint {
    static final DockerImageName IMAGE = DockerImageName.parse("postgres:17");
    private static final int POSTGRES_PORT = 5432;

    private final PostgreSQLContainer<?> container;

    private ContainerPostgres(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook, or by Ryuk if the JVM dies
    static ContainerPostgres start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        return new ContainerPostgres(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostAndPort() + "/" + database;
    }

    @Override
    public String reactiveUrl(String database) {
        return "postgresql://" + hostAndPort() + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void createDatabase(String name) {
        Databases.createIfMissing(container.getJdbcUrl(), username(), password(), name);
    }

    private String hostAndPort() {
        return container.getHost() + ":" + container.getMappedPort(POSTGRES_PORT);
    }
}
