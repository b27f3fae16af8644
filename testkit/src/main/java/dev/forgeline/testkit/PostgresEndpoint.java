package dev.forgeline.testkit;

/** A reachable PostgreSQL server, wherever it runs, addressed per database. */
public interface PostgresEndpoint {
    /** {@code jdbc:postgresql://host:port/database}. */
    String jdbcUrl(String database);

    /** {@code postgresql://host:port/database}, the form of {@code quarkus.datasource.reactive.url}. */
    String reactiveUrl(String database);

    String username();

    String password();

    /** Creates the database unless it exists already. */
    void createDatabase(String name);
}
