package dev.forgeline.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks a run archive into a folder, replacing what an earlier download left there. */
final class ProjectFolder {
    private ProjectFolder() {
    }

    /** Writes the archive's files under {@code target} (without the archive's root folder); returns their count. */
    static int write(byte[] zip, Path target, String root) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> walk = Files.walk(target)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(target);
            Path base = target.toAbsolutePath().normalize();
            int count = 0;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    String name = entry.getName().startsWith(root + "/") ? entry.getName().substring(root.length() + 1)
                            : entry.getName();
                    Path file = base.resolve(name).normalize();
                    if (!file.startsWith(base)) {
                        throw new IllegalStateException("archive entry escapes the output folder: " + entry.getName());
                    }
                    Files.createDirectories(file.getParent());
                    Files.write(file, in.readAllBytes());
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the project to " + target + ": " + e.getMessage(), e);
        }
    }
}
