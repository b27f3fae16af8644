package dev.forgeline.orchestrator.api;

import java.util.List;
import java.util.Locale;

/**
 * The paths served without a token ({@code forgeline.auth.open-paths}): {@code /exact}, {@code /prefix/*} (the prefix
 * itself and everything under it), each optionally preceded by one HTTP method ({@code GET /api/auth/config}).
 */
final class OpenPaths {
    private record Rule(String method, String path, boolean prefix) {
        boolean matches(String m, String p) {
            if (method != null && !method.equals(m)) {
                return false;
            }
            return prefix ? p.startsWith(path) || p.equals(path.substring(0, path.length() - 1)) : p.equals(path);
        }
    }

    private final List<Rule> rules;

    OpenPaths(List<String> patterns) {
        this.rules = patterns.stream().map(String::trim).filter(s -> !s.isEmpty()).map(OpenPaths::rule).toList();
    }

    private static Rule rule(String pattern) {
        String method = null;
        String path = pattern;
        int space = pattern.indexOf(' ');
        if (space > 0) {
            method = pattern.substring(0, space).toUpperCase(Locale.ROOT);
            path = pattern.substring(space + 1).trim();
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("forgeline.auth.open-paths: '" + pattern
                    + "' must be a path starting with / (optionally after a method, as in 'GET /api/auth/config')");
        }
        if (path.endsWith("/*")) {
            return new Rule(method, path.substring(0, path.length() - 1), true);
        }
        if (path.contains("*")) {
            throw new IllegalArgumentException("forgeline.auth.open-paths: '" + pattern
                    + "' may only end with /* (a prefix); no other wildcard");
        }
        return new Rule(method, path, false);
    }

    /** Whether a request with this method and (normalised) path needs no token. */
    boolean open(String method, String path) {
        for (Rule r : rules) {
            if (r.matches(method, path)) {
                return true;
            }
        }
        return false;
    }
}
