package dev.forgeline.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.LogContext;

/** Adjusts log categories of the libraries the testkit runs in-process (slf4j logs to the JBoss LogContext). */
final class LogLevels {
    // Held so the configured level outlives any weakly referenced logger object.
    private static final List<Logger> PINNED = new ArrayList<>();

    private LogLevels() {
    }

    static synchronized void warnOnly(String... categories) {
        for (String category : categories) {
            Logger logger = LogContext.getLogContext().getLogger(category);
            logger.setLevel(Level.WARNING);
            PINNED.add(logger);
        }
    }

    /** Runs {@code action} with {@code category} silenced, then restores its level. */
    static <T> T silenced(String category, Supplier<T> action) {
        Logger logger = LogContext.getLogContext().getLogger(category);
        Level before = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            return action.get();
        } finally {
            logger.setLevel(before);
        }
    }
}
