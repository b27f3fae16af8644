package dev.forgeline.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs Kafka and PostgreSQL for {@code ./forgeline} without Docker and publishes their addresses. */
public final class LocalStack {
    public static final String DATABASE = "forgeline";
    private static final Path DEV_NULL = Path.of("/dev/null");

    private LocalStack() {
    }

    /**
     * Prints {@code NAME=value} lines and {@code READY}, writes the same to the file named by {@code args[0]} if
     * given (deleted again on exit), then runs until SIGTERM or until stdin reaches end-of-file.
     */
    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        Path outputFile = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : null;
        List<String> lines;
        try {
            lines = startServers();
        } catch (RuntimeException e) {
            e.printStackTrace();
            // A broker already started would keep the JVM alive; exiting runs the servers' shutdown hooks.
            System.exit(1);
            return;
        }
        if (outputFile != null) {
            write(outputFile, lines);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(outputFile), "local-stack-file"));
        }
        PrintStream out = System.out;
        lines.forEach(out::println);
        out.flush();

        if (stdinIsWatchable()) {
            drain(System.in);
            System.exit(0);
        }
        new CountDownLatch(1).await();
    }

    /** Embedded servers stop through their own shutdown hooks, on SIGTERM as on System.exit. */
    private static List<String> startServers() {
        KafkaEndpoint kafka = KafkaServers.fromEnvironment().orElseGet(EmbeddedKafka::start);
        PostgresEndpoint postgres = PostgresServers.fromEnvironment().orElseGet(EmbeddedPostgresServer::start);
        postgres.createDatabase(DATABASE);
        List<String> lines = new ArrayList<>();
        addresses(kafka, postgres).forEach((name, value) -> lines.add(name + "=" + value));
        lines.add("READY");
        return lines;
    }

    private static Map<String, String> addresses(KafkaEndpoint kafka, PostgresEndpoint postgres) {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        addresses.put("FORGELINE_DB_JDBC_URL", postgres.jdbcUrl(DATABASE));
        addresses.put("FORGELINE_DB_REACTIVE_URL", postgres.reactiveUrl(DATABASE));
        addresses.put("FORGELINE_DB_USERNAME", postgres.username());
        addresses.put("FORGELINE_DB_PASSWORD", postgres.password());
        return addresses;
    }

    /** Writes via a temporary file and a rename so a reader never sees half the lines. */
    private static void write(Path file, List<String> lines) throws IOException {
        Path parent = file.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A background job of a non-interactive shell gets /dev/null as stdin: its end-of-file means nothing. */
    private static boolean stdinIsWatchable() {
        try {
            return !Files.readSymbolicLink(Path.of("/proc/self/fd/0")).equals(DEV_NULL);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // input is ignored; only its end matters
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file at exit is harmless: it is rewritten on the next start
        }
    }
}
