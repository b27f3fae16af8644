package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {
    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void packageTinyService() throws IOException {
        jar = dir.resolve("tiny.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyHttpService.class.getName());
        String entry = TinyHttpService.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(entry));
            try (var classBytes = TinyHttpService.class.getClassLoader().getResourceAsStream(entry)) {
                classBytes.transferTo(jarOut);
            }
            jarOut.closeEntry();
        }
    }

    @Test
    void awaitHealthyReturnsOnceTheServiceAnswersAndStopEndsIt() {
        int port = Ports.freePort();
        Path log = dir.resolve("logs/healthy.log");
        ServiceProcess service = ServiceProcess.start("tiny", jar, Map.of("TINY_PORT", String.valueOf(port)),
                List.of("-Xmx32m"), log);
        try {
            service.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/ready"), Duration.ofSeconds(30));

            assertTrue(service.isAlive());
            assertTrue(service.tail(5).contains("tiny service listening on " + port), service.tail(5));
        } finally {
            service.stop();
        }
        assertFalse(service.isAlive());
    }

    @Test
    void awaitHealthyFailsWithTheLogTailWhenTheProcessExits() {
        Path log = dir.resolve("logs/exits.log");
        ServiceProcess service = ServiceProcess.start("quitter", jar, Map.of("TINY_EXIT_CODE", "3"), List.of(), log);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> service.awaitHealthy(URI.create("http://127.0.0.1:" + Ports.freePort() + "/ready"), Duration.ofSeconds(30)));

        assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tiny service giving up on purpose"), failure.getMessage());
        assertFalse(service.isAlive());
    }

    @Test
    void awaitHealthyFailsWhenTheTimeoutPasses() {
        Path log = dir.resolve("logs/slow.log");
        int port = Ports.freePort();
        ServiceProcess service = ServiceProcess.start("deaf", jar, Map.of("TINY_PORT", String.valueOf(port)), List.of(), log);
        try {
            URI nobodyListens = URI.create("http://127.0.0.1:" + Ports.freePort() + "/ready");

            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> service.awaitHealthy(nobodyListens, Duration.ofMillis(500)));

            assertTrue(failure.getMessage().contains("not healthy"), failure.getMessage());
        } finally {
            service.stop();
        }
    }
}
