package dev.forgeline.validation.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Node-style resolution of relative specifiers ({@code ./x}, {@code ../x}) against a set of project paths. */
public final class ImportResolver {
    private static final List<String> SUFFIXES = List.of("", ".js", ".json", ".cjs", ".mjs", "/index.js", "/index.json");

    private ImportResolver() {
    }

    /** Whether a specifier is relative (the only kind resolved against the project's own files). */
    public static boolean isRelative(String specifier) {
        return specifier != null && (specifier.equals(".") || specifier.equals("..")
                || specifier.startsWith("./") || specifier.startsWith("../"));
    }

    /**
     * The project path a relative specifier written in {@code importer} resolves to, trying the exact path, then
     * {@code .js}, {@code .json}, {@code .cjs}, {@code .mjs}, {@code /index.js} and {@code /index.json}; empty when
     * nothing matches or it climbs above the project root.
     */
    public static Optional<String> resolve(String importer, String specifier, Set<String> paths) {
        Optional<String> base = target(importer, specifier);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        String b = base.get();
        for (String suffix : SUFFIXES) {
            String candidate = b.isEmpty() ? suffix.replaceFirst("^/", "") : b + suffix;
            if (!candidate.isEmpty() && paths.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The normalised project-relative path a specifier points at, before extension resolution. */
    static Optional<String> target(String importer, String specifier) {
        int slash = importer.lastIndexOf('/');
        String dir = slash < 0 ? "" : importer.substring(0, slash);
        String spec = specifier;
        while (spec.endsWith("/") && spec.length() > 1) {
            spec = spec.substring(0, spec.length() - 1);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String s : (dir.isEmpty() ? spec : dir + "/" + spec).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
