package dev.forgeline.validation.service;

import java.util.Set;

/** What a bare module specifier names: a Node.js built-in, or the npm package it belongs to. */
public final class NodeModules {
    /** Node.js 20/22 built-in modules ({@code require('module').builtinModules}, roots only). */
    static final Set<String> BUILTINS = Set.of("assert", "async_hooks", "buffer", "child_process", "cluster",
            "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns", "domain", "events", "fs", "http",
            "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks", "process", "punycode",
            "querystring", "readline", "repl", "stream", "string_decoder", "sys", "timers", "tls", "trace_events",
            "tty", "url", "util", "v8", "vm", "wasi", "worker_threads", "zlib");

    private NodeModules() {
    }

    /** Whether a specifier names a package (not relative, absolute, a URL, a subpath import or a built-in). */
    public static boolean isPackage(String specifier) {
        if (specifier == null || specifier.isEmpty() || ImportResolver.isRelative(specifier)
                || specifier.startsWith("/") || specifier.startsWith("#") || specifier.contains(":")) {
            return false;
        }
        return !BUILTINS.contains(packageName(specifier));
    }

    /** Whether a specifier is a Node.js built-in ({@code fs}, {@code fs/promises}, {@code node:test} …). */
    public static boolean isBuiltin(String specifier) {
        return specifier != null && (specifier.startsWith("node:") || BUILTINS.contains(packageName(specifier)));
    }

    /** The npm package of a bare specifier: {@code @scope/name} or {@code name}, without a subpath. */
    public static String packageName(String specifier) {
        String[] parts = specifier.split("/", 3);
        if (specifier.startsWith("@") && parts.length >= 2) {
            return parts[0] + "/" + parts[1];
        }
        return parts[0];
    }
}
