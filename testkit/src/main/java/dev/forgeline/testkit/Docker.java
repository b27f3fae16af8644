package dev.forgeline.testkit;

import java.util.logging.Logger;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker engine from this JVM, probed once. */
final class Docker {
    private static final Logger LOG = Logger.getLogger(Docker.class.getName());
    private static Boolean available;

    private Docker() {
    }

    static synchronized boolean isAvailable() {
        if (available == null) {
            // Without Docker, Testcontainers logs a multi-line ERROR for what is an expected situation here.
            available = LogLevels.silenced("org.testcontainers", Docker::probe);
            LOG.info(available ? "Docker is reachable: Kafka and PostgreSQL run in containers"
                    : "no Docker engine reachable: Kafka and PostgreSQL run embedded");
        }
        return available;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
