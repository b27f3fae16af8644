package dev.forgeline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository root: the {@code forgeline.root} system property when set (the {@code ./forgeline} script sets
 * it), else the nearest directory at or above user.dir holding {@code mvnw} and {@code contracts/}.
 */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path projectRoot() {
        String configured = System.getProperty("forgeline.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("contracts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with mvnw and contracts/ at or above " + start);
    }

    /** Same as {@link #projectRoot()}. */
    public static Path find() {
        return projectRoot();
    }

    /** The runnable jar a module's Quarkus build leaves in {@code target/quarkus-app}. */
    public static Path quarkusRunJar(String module) {
        return projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
