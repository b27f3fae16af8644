package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SharedServersTest {

    @Test
    void anotherClassLoaderReusesTheStartedKafka() throws Exception {
        String here = KafkaServers.get().bootstrapServers();

        try (URLClassLoader isolated = isolatedClassLoader()) {
            Class<?> servers = isolated.loadClass(KafkaServers.class.getName());
            assertNotSame(KafkaServers.class, servers);
            Object endpoint = servers.getMethod("get").invoke(null);
            String there = (String) isolated.loadClass(KafkaEndpoint.class.getName()).getMethod("bootstrapServers").invoke(endpoint);

            assertEquals(here, there);
        }
    }

    @Test
    void anotherClassLoaderReusesTheStartedPostgres() throws Exception {
        String here = PostgresServers.get().jdbcUrl("x");

        try (URLClassLoader isolated = isolatedClassLoader()) {
            Class<?> servers = isolated.loadClass(PostgresServers.class.getName());
            Object endpoint = servers.getMethod("get").invoke(null);
            var jdbcUrl = isolated.loadClass(PostgresEndpoint.class.getName()).getMethod("jdbcUrl", String.class);

            assertEquals(here, jdbcUrl.invoke(endpoint, "x"));
        }
    }

    /** Loads the testkit and its dependencies afresh, as a Quarkus application class loader would. */
    private static URLClassLoader isolatedClassLoader() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
