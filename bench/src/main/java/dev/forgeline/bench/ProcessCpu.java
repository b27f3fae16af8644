package dev.forgeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.forgeline.testkit.PostgresServers;
import dev.forgeline.testkit.local.LocalForgeline;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) of each process of a local stack: the services, the
 * PostgreSQL server with its backends, and this JVM (the Kafka broker and the load driver). Linux only.
 */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: 100 on every Linux this runs on

    private static final Pattern PORT = Pattern.compile(":(\\d+)/");

    private final LocalForgeline stack;

    ProcessCpu(LocalForgeline stack) {
        this.stack = stack;
    }

    /** Seconds of CPU per process group so far. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (LocalForgeline.Service service : stack.services()) {
            seconds.merge(service.module(), cpuSeconds(service.process().pid()), Double::sum);
        }
        seconds.put("postgresql", postgresServer().stream()
                .flatMap(server -> java.util.stream.Stream.concat(java.util.stream.Stream.of(server),
                        server.descendants()))
                .mapToDouble(p -> cpuSeconds(p.pid())).sum());
        seconds.put("bench JVM (Kafka broker + load driver)", cpuSeconds(ProcessHandle.current().pid()));
        return seconds;
    }

    /** The postmaster listening on the stack's database port (pg_ctl daemonises it: it is not our child). */
    private static Optional<ProcessHandle> postgresServer() {
        Matcher port = PORT.matcher(PostgresServers.get().jdbcUrl("postgres"));
        if (!port.find()) {
            return Optional.empty();
        }
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres"))
                .orElse(false) && List.of(p.info().arguments().orElse(new String[0])).contains(port.group(1)))
                .findFirst();
    }

    /** Milliseconds of CPU per run spent by each process group between two snapshots. */
    static Map<String, Double> perRunMillis(Map<String, Double> before, Map<String, Double> after, int runs) {
        Map<String, Double> perRun = new LinkedHashMap<>();
        after.forEach((name, s) -> perRun.put(name, (s - before.getOrDefault(name, 0.0)) * 1000 / runs));
        return perRun;
    }

    static String format(Map<String, Double> perRunMillis) {
        StringBuilder out = new StringBuilder();
        perRunMillis.forEach((name, ms) -> out.append(String.format("    %-40s %7.1f ms%n", name, ms)));
        return out.toString();
    }

    private static double cpuSeconds(long pid) {
        return stat(pid).map(fields -> (Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)))
                / TICKS_PER_SECOND).orElse(0.0);
    }

    /** The fields of /proc/pid/stat after the command name (field 3, the state, is index 0). */
    private static Optional<List<String>> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(List.of(line.substring(line.lastIndexOf(')') + 2).trim().split(" ")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
