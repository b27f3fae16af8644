package dev.forgeline.e2e;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/** Shared steps of the end-to-end tests: start the stack, submit a spec, wait for the run to end. */
final class E2eSupport {
    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED");

    private E2eSupport() {
    }

    static StackOptions options(String testName) {
        return StackOptions.defaults().httpPort(Ports.freePort())
                .logDir(ProjectRoot.find().resolve("e2e/target/service-logs/" + testName))
                // Short backoff so that failing modules spend their attempts quickly; values, not code.
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_INITIAL_BACKOFF", "200ms");
    }

    static byte[] example(String name) {
        try {
            return Files.readAllBytes(ProjectRoot.find().resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UUID submit(ApiClient api, byte[] spec) {
        ApiClient.Reply reply = api.submit(spec, null);
        if (reply.status() != 202) {
            throw new AssertionError("submission answered " + reply.status() + ": " + reply.body());
        }
        return UUID.fromString(reply.json().path("id").asText());
    }

    static JsonNode awaitTerminal(ApiClient api, UUID runId) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> TERMINAL.contains(api.get("/api/runs/" + runId).json().path("status").asText()));
        return api.get("/api/runs/" + runId).json();
    }

    static JsonNode module(JsonNode run, String name) {
        for (JsonNode m : run.path("modules")) {
            if (m.path("module").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("run has no module " + name + ": " + run);
    }

    /**
     * GET /api/runs/{id}/archive, unzipped: path under the project folder → text. Fails when an entry lies outside
     * the project folder or appears twice.
     */
    static Map<String, String> archive(ApiClient api, UUID runId, String projectName) {
        byte[] zip = api.getBytes("/api/runs/" + runId + "/archive");
        Map<String, String> files = new TreeMap<>();
        String prefix = projectName + "/";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.getName().startsWith(prefix)) {
                    throw new AssertionError("run " + runId + ": archive entry outside " + prefix + ": " + entry.getName());
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (files.put(entry.getName().substring(prefix.length()), text) != null) {
                    throw new AssertionError("run " + runId + ": archive holds " + entry.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static Path logs(LocalForgeline stack, String service) {
        return stack.service(service).process().logFile();
    }
}
