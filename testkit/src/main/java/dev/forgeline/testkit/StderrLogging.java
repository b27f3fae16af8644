package dev.forgeline.testkit;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/** Sends log records to stderr at INFO in a standalone (non-Quarkus) JVM that has the testkit on its class path. */
public final class StderrLogging {
    private StderrLogging() {
    }

    /**
     * Call first thing in {@code main}. Quarkus' bootstrap jars install a root handler that buffers every record
     * until a Quarkus application starts, which never happens in a plain JVM, so nothing would be printed.
     */
    public static void install() {
        // Must precede the first use of java.util.logging, or the JBoss LogManager reports an error.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        Logger root = LogContext.getLogContext().getLogger("");
        root.setLevel(Level.INFO);
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR, new PatternFormatter("%d{HH:mm:ss,SSS} %-5p [%c] %s%e%n")));
    }
}
