package dev.forgeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code .forgeline/admin-key} in the project: while {@code forgeline up} runs, its admin key, readable by this user
 * only, so that the README's {@code ./forgeline submit …} works against it without exporting FORGELINE_TOKEN. The
 * CLI reads it only when no token is given and only for a gateway on this machine (loopback), so the key of a local
 * stack never goes to another host.
 */
final class UpKeyFile {
    static final String RELATIVE = ".forgeline/admin-key";

    private UpKeyFile() {
    }

    /** The file under the project root the {@code ./forgeline} script names, or null outside it. */
    static Path defaultLocation() {
        String root = System.getProperty("forgeline.root");
        return root == null || root.isBlank() ? null : Path.of(root).resolve(RELATIVE);
    }

    /** Writes the key (replacing an earlier one) with permissions rw------- from the start. */
    static void write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort at shutdown: the next `up` replaces it.
        }
    }

    /** The key in {@code file} when it exists and {@code api} is on this machine, else null. */
    static String readFor(Path file, URI api) {
        if (file == null || !Files.isRegularFile(file) || !isLoopback(api)) {
            return null;
        }
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            return key.isEmpty() ? null : key;
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isLoopback(URI api) {
        String host = api.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: no name lookup decides where a key goes.
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
