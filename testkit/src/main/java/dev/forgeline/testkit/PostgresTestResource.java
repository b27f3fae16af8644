package dev.forgeline.testkit;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a Quarkus test class its own database (init arg {@code database}, else random) on the shared PostgreSQL. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
    }

    @Override
    public Map<String, String> start() {
        String name = database != null && !database.isBlank() ? database : randomName();
        PostgresEndpoint postgres = PostgresServers.get();
        postgres.createDatabase(name);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(name),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(name),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The server is shared by every test class in the JVM; its data directory goes when the JVM exits.
    }

    private static String randomName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "");
    }
}
