package dev.forgeline.orchestrator.config;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * In production, refuses to start without database credentials from the environment, then runs the Flyway migration.
 * Why not {@code migrate-at-start}: Quarkus migrates before any bean can look at the configuration, so a missing
 * password surfaced as "connection refused"; {@code %prod} turns it off and this runs first instead.
 */
@Singleton
public class DatabaseMigration {
    static final String USERNAME_ENV = "FORGELINE_DB_USERNAME";
    static final String PASSWORD_ENV = "FORGELINE_DB_PASSWORD";

    void onStart(@Observes @Priority(0) StartupEvent event, Flyway flyway,
            @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false") boolean migratedByQuarkus,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        if (migratedByQuarkus) {
            return;
        }
        requireCredentials(username, password);
        var result = flyway.migrate();
        Log.infof("database schema at version %s (%d migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    static void requireCredentials(Optional<String> username, Optional<String> password) {
        boolean noUser = username.filter(value -> !value.isBlank()).isEmpty();
        boolean noPassword = password.filter(value -> !value.isBlank()).isEmpty();
        if (noUser || noPassword) {
            throw new IllegalStateException("database credentials missing: set " + (noUser ? USERNAME_ENV : "")
                    + (noUser && noPassword ? " and " : "") + (noPassword ? PASSWORD_ENV : "")
                    + " in the environment (production has no defaults)");
        }
    }
}
