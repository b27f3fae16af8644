package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExternalPostgresTest {

    @Test
    void otherDatabasesKeepHostPortAndParameters() {
        ExternalPostgres postgres = new ExternalPostgres("jdbc:postgresql://db.example:6543/main?sslmode=require", "app", "secret");

        assertEquals("jdbc:postgresql://db.example:6543/t_1?sslmode=require", postgres.jdbcUrl("t_1"));
        assertEquals("postgresql://db.example:6543/t_1?sslmode=require", postgres.reactiveUrl("t_1"));
        assertEquals("app", postgres.username());
        assertEquals("secret", postgres.password());
    }

    @Test
    void urlWithoutDatabaseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExternalPostgres("jdbc:postgresql://db.example:6543", "app", "x"));
    }
}
