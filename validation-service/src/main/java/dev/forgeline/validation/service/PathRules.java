package dev.forgeline.validation.service;

import java.util.Optional;

/** {@code path.unsafe}: a generated path must be relative, normalised and plain. */
public final class PathRules {
    private PathRules() {
    }

    /** Why a path is unsafe to write under the project root, or empty when it is safe. */
    public static Optional<String> unsafeReason(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            return Optional.of("path contains a NUL character");
        }
        for (int k = 0; k < path.length(); k++) {
            if (Character.isISOControl(path.charAt(k))) {
                return Optional.of("path contains a control character");
            }
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("path contains a backslash");
        }
        if (path.startsWith("/") || path.startsWith("~") || (path.length() > 1 && path.charAt(1) == ':')) {
            return Optional.of("path is absolute");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("path has a '..' segment");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("path is not normalised (empty or '.' segment)");
            }
            if (!segment.equals(segment.strip())) {
                return Optional.of("path segment '" + segment + "' has leading or trailing spaces");
            }
        }
        return Optional.empty();
    }
}
