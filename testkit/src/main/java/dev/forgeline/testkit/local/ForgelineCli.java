package dev.forgeline.testkit.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.testkit.ProjectRoot;

/**
 * {@code forgeline up}: start Kafka, PostgreSQL and the three services here and run until stopped.
 * {@code forgeline demo [spec.json]}: the same, then submit the spec, show its progress, print the summary, write the
 * project to {@code ./out/<name>/}, stop everything, and exit 0 only if the run SUCCEEDED.
 */
public final class ForgelineCli {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    private final PrintStream out = System.out;

    public static void main(String[] args) {
        dev.forgeline.testkit.StderrLogging.install();
        int code;
        try {
            code = new ForgelineCli().run(args);
        } catch (RuntimeException e) {
            System.err.println("forgeline: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println("usage: forgeline up | demo [spec.json]");
            return args.length == 0 ? 2 : 0;
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("FORGELINE_HTTP_PORT", "8080"));
        return switch (args[0]) {
            case "up" -> up(port);
            case "demo" -> demo(port, args.length > 1 ? Path.of(args[1]) : defaultSpec());
            default -> {
                System.err.println("forgeline: unknown command '" + args[0] + "'; usage: forgeline up | demo [spec.json]");
                yield 2;
            }
        };
    }

    private int up(int port) {
        requireFreePort(port);
        LocalForgeline stack = startStack(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping…");
            stack.close();
            stopped.countDown();
        }));
        out.println("Forgeline is up. Ctrl-C stops it.");
        out.println("  orchestrator API  " + stack.apiBase() + "/api/runs   (OpenAPI: " + stack.apiBase() + "/q/openapi)");
        out.println("  Kafka bootstrap   " + stack.bootstrapServers());
        stack.services().forEach(s -> out.println("  " + pad(s.name(), 18) + "http://127.0.0.1:" + s.port()
                + "/q/health   log: " + s.process().logFile()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int demo(int port, Path specFile) {
        if (!Files.isRegularFile(specFile)) {
            System.err.println("forgeline: no spec file at " + specFile.toAbsolutePath());
            return 2;
        }
        byte[] spec;
        try {
            spec = Files.readAllBytes(specFile);
        } catch (IOException e) {
            System.err.println("forgeline: cannot read " + specFile + ": " + e.getMessage());
            return 2;
        }
        requireFreePort(port);
        try (LocalForgeline stack = startStack(port); RunEventTail tail = new RunEventTail(stack.bootstrapServers())) {
            ApiClient api = new ApiClient(stack.apiBase());
            ApiClient.Reply submitted = api.submit(spec, null);
            if (submitted.status() != 202) {
                out.println("The spec was rejected (HTTP " + submitted.status() + "):");
                printProblem(submitted.json());
                return 2;
            }
            String runId = submitted.json().path("id").asText();
            out.println("run " + runId + " accepted (" + specFile + ")");
            RunStatus end = tail.follow(runId, RUN_TIMEOUT, this::printEvent);
            JsonNode run = api.get("/api/runs/" + runId).json();
            printSummary(run);
            if (end == null) {
                out.println("forgeline: no terminal status within " + RUN_TIMEOUT.toMinutes() + " minutes");
            }
            Path target = Path.of("out", run.path("name").asText());
            writeProject(api.getBytes("/api/runs/" + runId + "/archive"), target, run.path("name").asText());
            boolean succeeded = "SUCCEEDED".equals(run.path("status").asText());
            out.println(succeeded ? "Project written to " + target.toAbsolutePath()
                    : "Validated files written to " + target.toAbsolutePath() + " — the run did NOT succeed.");
            return succeeded ? 0 : 1;
        }
    }

    private LocalForgeline startStack(int port) {
        out.println("starting Kafka, PostgreSQL and the services (logs in .forgeline/logs/)…");
        long started = System.nanoTime();
        LocalForgeline stack = LocalForgeline.start(StackOptions.defaults().httpPort(port));
        out.printf("ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return stack;
    }

    private void printEvent(RunEvent e) {
        String subject = e.module() == null ? "run" : e.module();
        out.println(TIME.format(e.at()) + "  " + pad(subject, 10) + " " + pad(e.status(), 16)
                + (e.detail() == null ? "" : e.detail()));
    }

    private void printSummary(JsonNode run) {
        out.println();
        out.println("Run " + run.path("id").asText() + " (" + run.path("name").asText() + "): "
                + run.path("status").asText());
        out.println("  " + run.path("reason").asText("(no reason recorded)"));
        JsonNode counts = run.path("counts");
        out.printf("  modules: %d total, %d fully validated, %d partially complete, %d failed; success rate %s%n",
                counts.path("total").asInt(), counts.path("fullyValidated").asInt(),
                counts.path("partiallyComplete").asInt(), counts.path("failed").asInt(),
                run.hasNonNull("successRate") ? String.format("%.1f %%", run.path("successRate").asDouble() * 100)
                        : "n/a");
        out.println("  " + pad("module", 11) + pad("status", 17) + pad("attempts", 10) + pad("files", 7) + "ms");
        for (JsonNode m : run.path("modules")) {
            out.println("  " + pad(m.path("module").asText(), 11) + pad(m.path("status").asText(), 17)
                    + pad(m.path("attempt").asText(), 10) + pad(m.path("fileCount").asText(), 7)
                    + m.path("durationMs").asText("-")
                    + (m.hasNonNull("reason") ? "   " + m.path("reason").asText() : ""));
        }
    }

    private void printProblem(JsonNode problem) {
        out.println("  " + problem.path("detail").asText());
        for (JsonNode v : problem.path("violations")) {
            out.println("  - " + v.path("path").asText() + " [" + v.path("rule").asText() + "] "
                    + v.path("message").asText());
        }
    }

    /** Unzips the run archive into {@code target}, replacing what an earlier demo left there. */
    static void writeProject(byte[] zip, Path target, String root) {
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
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the project to " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path defaultSpec() {
        Path local = Path.of("examples/todo-api.json");
        return Files.isRegularFile(local) ? local : ProjectRoot.find().resolve("examples/todo-api.json");
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use; set FORGELINE_HTTP_PORT to another port");
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
