package dev.forgeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One docker-compose project of the repository's {@code docker-compose.yml}, driven through the {@code docker} and
 * {@code docker-compose} command lines; every command has a timeout and its output is kept for the failure message.
 */
final class ComposeProject {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Path root;
    private final List<Path> files;
    private final Map<String, String> env;

    /** A command's exit code and its output (stdout and stderr together). */
    record Result(int exit, String output) {
        Result orFail(String what) {
            if (exit != 0) {
                throw new AssertionError(what + " exited " + exit + ":\n" + tail(output, 60));
            }
            return this;
        }
    }

    ComposeProject(String name, Path root, List<Path> files, Map<String, String> env) {
        this.name = name;
        this.root = root;
        this.files = List.copyOf(files);
        this.env = Map.copyOf(env);
    }

    String name() {
        return name;
    }

    /** Why containers cannot be run here (no engine answering, no docker-compose), or null when they can. */
    static String whyNoEngine() {
        if (!answers("docker", "info")) {
            return "no Docker engine answers (`docker info` failed)";
        }
        if (!answers("docker-compose", "version")) {
            return "docker-compose is not on PATH";
        }
        return null;
    }

    private static boolean answers(String... command) {
        try {
            return exec(Map.of(), null, PROBE_TIMEOUT, List.of(command)).exit() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** {@code docker-compose -p <name> -f <files…> <args>} in the repository root, with the project's environment. */
    Result compose(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--ansi", "never", "-p", name));
        for (Path file : files) {
            command.add("-f");
            command.add(file.toString());
        }
        command.addAll(List.of(args));
        return exec(env, root, timeout, command);
    }

    /** {@code docker <args>}. */
    static Result docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return exec(Map.of(), null, timeout, command);
    }

    /** Any command in {@code dir} (null: the current directory) with extra environment variables. */
    static Result exec(Map<String, String> extraEnv, Path dir, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("forgeline-cmd", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile());
                if (dir != null) {
                    builder.directory(dir.toFile());
                }
                builder.environment().putAll(extraEnv);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                            + tail(Files.readString(out, StandardCharsets.UTF_8), 40));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Ids of the project's containers (all states), optionally of one service only. */
    List<String> containers(String service) {
        List<String> args = new ArrayList<>(List.of("ps", "-a", "-q", "--no-trunc", "--filter",
                "label=com.docker.compose.project=" + name));
        if (service != null) {
            args.addAll(List.of("--filter", "label=com.docker.compose.service=" + service));
        }
        return lines(docker(PROBE_TIMEOUT, args.toArray(String[]::new)).orFail("docker ps").output());
    }

    /** The project's running containers: name → health status ({@code healthy}, {@code starting}, …, or the state). */
    Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        List<String> ids = containers(null);
        if (ids.isEmpty()) {
            return health;
        }
        List<String> args = new ArrayList<>(List.of("inspect", "--format",
                "{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}"));
        args.addAll(ids);
        for (String line : lines(docker(PROBE_TIMEOUT, args.toArray(String[]::new)).orFail("docker inspect").output())) {
            String[] parts = line.split(" ", 2);
            health.put(parts[0].replaceFirst("^/", ""), parts.length > 1 ? parts[1] : "");
        }
        return health;
    }

    /** The container's hostname (what a worker reports as its id, or its prefix). */
    static String hostname(String containerId) {
        return docker(PROBE_TIMEOUT, "inspect", "--format", "{{.Config.Hostname}}", containerId)
                .orFail("docker inspect").output().trim();
    }

    /**
     * The project's volumes: those compose labelled with the project (its named volumes) and every volume mounted
     * into one of its containers (anonymous ones from the images' VOLUME declarations carry no label).
     */
    Set<String> volumes() {
        Set<String> volumes = new TreeSet<>(lines(docker(PROBE_TIMEOUT, "volume", "ls", "-q", "--filter",
                "label=com.docker.compose.project=" + name).orFail("docker volume ls").output()));
        List<String> ids = containers(null);
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("inspect", "--format",
                    "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}"));
            args.addAll(ids);
            for (String line : lines(docker(PROBE_TIMEOUT, args.toArray(String[]::new)).orFail("docker inspect").output())) {
                volumes.addAll(List.of(line.split(" ")));
            }
        }
        return volumes;
    }

    /** Which of these volumes still exist on the engine. */
    static Set<String> existing(Set<String> volumes) {
        Set<String> all = new TreeSet<>(lines(docker(PROBE_TIMEOUT, "volume", "ls", "-q").orFail("docker volume ls")
                .output()));
        all.retainAll(volumes);
        return all;
    }

    /** Writes {@code docker-compose logs} of every service to {@code file}; never throws. */
    void saveLogs(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, compose(Duration.ofMinutes(1), "logs", "--no-color", "--timestamps").output());
            System.out.println("compose logs saved to " + file);
        } catch (RuntimeException | IOException e) {
            System.out.println("could not save the compose logs to " + file + ": " + e);
        }
    }

    private static List<String> lines(String output) {
        return output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
