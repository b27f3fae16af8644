package dev.forgeline.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Whether the testkit runs a server in a Testcontainers container: only when asked ({@code FORGELINE_TESTCONTAINERS=true})
 * or when an engine answers and the image (and Ryuk's) is already on it, so that a reachable engine with no registry
 * never stalls a test on pull retries.
 */
final class Docker {
    /** {@code true}: always containers (pulls if needed); {@code false}: never; unset: only with local images. */
    static final String SWITCH_ENV = "FORGELINE_TESTCONTAINERS";
    private static final Logger LOG = Logger.getLogger(Docker.class.getName());
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    private static final Map<String, Boolean> DECISIONS = new HashMap<>();
    private static Boolean engineReachable;

    private Docker() {
    }

    /** Whether to start {@code image} in a container; decided once per image and logged in one line. */
    static synchronized boolean useContainerFor(String image) {
        return DECISIONS.computeIfAbsent(image, Docker::decide);
    }

    private static boolean decide(String image) {
        String asked = System.getenv(SWITCH_ENV);
        if (asked != null && !asked.isBlank()) {
            boolean yes = Boolean.parseBoolean(asked.trim().toLowerCase(Locale.ROOT));
            LOG.info(SWITCH_ENV + "=" + asked + ": " + image + (yes ? " runs in a container" : " is replaced by an embedded server"));
            return yes;
        }
        if (!engineReachable()) {
            LOG.info("no Docker engine reachable: " + image + " is replaced by an embedded server");
            return false;
        }
        String missing = !imagePresent(image) ? image : ryukNeeded() && !imagePresent(ryukImage()) ? ryukImage() : null;
        if (missing != null) {
            LOG.info("Docker is reachable but " + missing + " is not on it (nothing is pulled unless " + SWITCH_ENV
                    + "=true): " + image + " is replaced by an embedded server");
            return false;
        }
        LOG.info("Docker is reachable and " + image + " is present: it runs in a container");
        return true;
    }

    private static boolean engineReachable() {
        if (engineReachable == null) {
            engineReachable = docker("version", "--format", "{{.Server.Version}}");
        }
        return engineReachable;
    }

    private static boolean imagePresent(String image) {
        return docker("image", "inspect", "--format", "{{.Id}}", image);
    }

    /**
     * Asks the docker CLI, not Testcontainers: Testcontainers' own probe starts its Ryuk container, and on an engine
     * that cannot pull that probe alone retries for two minutes.
     */
    private static boolean docker(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false; // no docker CLI on PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean ryukNeeded() {
        return !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
    }

    private static String ryukImage() {
        return TestcontainersConfiguration.getInstance().getRyukImage();
    }
}
