package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void publishesWorkingAddressesThenStopsCleanlyWhenStdinCloses(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("stack.env");
        Path log = dir.resolve("local-stack.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LocalStack.class.getName(), envFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The child must start its own servers rather than reuse whatever this JVM was pointed at.
        builder.environment().keySet().removeAll(List.of(KafkaServers.BOOTSTRAP_SERVERS_ENV, PostgresServers.JDBC_URL_ENV));
        Process process = builder.start();
        try {
            Map<String, String> addresses = awaitReady(process, envFile, log);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.get("KAFKA_BOOTSTRAP_SERVERS")))) {
                assertFalse(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty());
            }
            String jdbcUrl = addresses.get("FORGELINE_DB_JDBC_URL");
            assertEquals("forgeline", currentDatabase(jdbcUrl, addresses));
            assertTrue(addresses.get("FORGELINE_DB_REACTIVE_URL").startsWith("postgresql://127.0.0.1:"));
            assertTrue(Files.readString(log).contains("READY"));

            process.getOutputStream().close();

            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "LocalStack still running after stdin closed");
            assertEquals(0, process.exitValue());
            assertFalse(Files.exists(envFile));
            assertThrows(SQLException.class, () -> currentDatabase(jdbcUrl, addresses));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Map<String, String> awaitReady(Process process, Path envFile, Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(envFile)) {
                List<String> lines = Files.readAllLines(envFile);
                assertEquals("READY", lines.get(lines.size() - 1));
                Map<String, String> addresses = new LinkedHashMap<>();
                for (String line : lines.subList(0, lines.size() - 1)) {
                    int eq = line.indexOf('=');
                    addresses.put(line.substring(0, eq), line.substring(eq + 1));
                }
                return addresses;
            }
            // Waiting on the process is the poll pause and also catches an early exit.
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("LocalStack exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
        }
        throw new AssertionError("LocalStack not ready after " + STARTUP_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static String currentDatabase(String jdbcUrl, Map<String, String> addresses) throws SQLException {
        try (Connection connection = Databases.connect(jdbcUrl, addresses.get("FORGELINE_DB_USERNAME"), addresses.get("FORGELINE_DB_PASSWORD"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
