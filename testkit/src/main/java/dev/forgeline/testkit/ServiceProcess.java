package dev.forgeline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A built service jar running as a child {@code java} process with its output in a log file. */
public final class ServiceProcess {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int FAILURE_TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Runs {@code java <jvmArgs> -jar <jar>} with {@code env} added to this JVM's environment. */
    public static ServiceProcess start(String name, Path jar, Map<String, String> env, List<String> jvmArgs, Path logFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(name + ": no jar at " + jar);
        }
        List<String> arguments = new ArrayList<>(jvmArgs);
        arguments.add("-jar");
        arguments.add(jar.toAbsolutePath().toString());
        return startJava(name, arguments, env, logFile);
    }

    /** Runs {@code java <arguments>} (options, then a main class or {@code -jar}) with {@code env} added. */
    public static ServiceProcess startJava(String name, List<String> arguments, Map<String, String> env, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(arguments);
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            // Closing stdin at once means the child reads end-of-file instead of waiting on our terminal.
            process.getOutputStream().close();
            return new ServiceProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot start " + command, e);
        }
    }

    /** Polls {@code readyUrl} until it answers 200; fails with the log's tail if the process exits or time runs out. */
    public void awaitHealthy(URI readyUrl, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(readyUrl).timeout(REQUEST_TIMEOUT).GET().build();
        String lastProblem = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before " + readyUrl + " answered 200");
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProblem = "status " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + readyUrl);
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("not healthy at " + readyUrl + " after " + timeout + " (last: " + lastProblem + ")");
            }
            // Waiting on the process doubles as the poll pause and notices an exit straight away.
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + readyUrl);
            }
        }
    }

    /** SIGTERM, up to 20 s for a graceful exit, then a forced kill. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the log file. */
    public String tail(int lines) {
        return LogTail.lastLines(logFile, lines);
    }

    private IllegalStateException failure(String problem) {
        return new IllegalStateException(name + " " + problem + "; last lines of " + logFile + ":\n" + tail(FAILURE_TAIL_LINES));
    }

    private static String javaExecutable() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }
}
