package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startServer() {
        Instant started = Instant.now();
        postgres = EmbeddedPostgresServer.start();
        System.out.println("EmbeddedPostgresServer started in " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void answersSelectOneOverJdbc() throws SQLException {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void createDatabaseMakesAUsableDatabaseAndIsIdempotent() throws SQLException {
        postgres.createDatabase("orders_db");
        postgres.createDatabase("orders_db");

        try (Connection connection = connect("orders_db"); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key, name text)");
            statement.execute("insert into item values (1, 'one')");
            try (ResultSet rs = statement.executeQuery("select current_database(), name from item")) {
                assertTrue(rs.next());
                assertEquals("orders_db", rs.getString(1));
                assertEquals("one", rs.getString(2));
            }
        }
    }

    @Test
    void urlsNameTheServersPort() {
        assertEquals("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/app", postgres.jdbcUrl("app"));
        assertEquals("postgresql://127.0.0.1:" + postgres.port() + "/app", postgres.reactiveUrl("app"));
    }

    @Test
    void unsafeDatabaseNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("x\"; drop database postgres; --"));
    }

    @Test
    void closeStopsTheServerAndDeletesItsData() {
        EmbeddedPostgresServer second = EmbeddedPostgresServer.start();
        Path data = second.dataDirectory();
        String url = second.jdbcUrl("postgres");
        assertTrue(Files.isDirectory(data));

        second.close();

        assertFalse(Files.exists(data));
        assertThrows(SQLException.class, () -> Databases.connect(url, "postgres", "postgres").close());
    }

    private static Connection connect(String database) throws SQLException {
        return Databases.connect(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
