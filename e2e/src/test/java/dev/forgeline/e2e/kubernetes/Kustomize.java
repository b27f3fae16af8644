package dev.forgeline.e2e.kubernetes;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders a kustomization with {@code kubectl kustomize}. Without kubectl the calling test is skipped with one line,
 * or fails when {@code FORGELINE_REQUIRE_DOCKER=1} (CI, where the container tools must be present).
 */
final class Kustomize {
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static Boolean available;

    private Kustomize() {
    }

    /** The rendered resources of the kustomization in {@code dir} (rendered once per run). */
    static Manifests render(Path dir) {
        requireKubectl();
        return RENDERED.computeIfAbsent(dir, d -> Manifests.parse(d.toString(), run("kubectl", "kustomize", d.toString())));
    }

    private static synchronized void requireKubectl() {
        if (available == null) {
            try {
                Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                available = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
            if (!available && !"1".equals(System.getenv("FORGELINE_REQUIRE_DOCKER"))) {
                System.out.println("kubectl is not on PATH: the rendered Kubernetes manifest checks are skipped");
            }
        }
        if (!available) {
            if ("1".equals(System.getenv("FORGELINE_REQUIRE_DOCKER"))) {
                fail("kubectl is not on PATH and FORGELINE_REQUIRE_DOCKER=1: the Kubernetes manifests cannot be rendered");
            }
            Assumptions.abort("kubectl is not on PATH: skipping the rendered Kubernetes manifest checks");
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + new String(stderr.join(), StandardCharsets.UTF_8));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
