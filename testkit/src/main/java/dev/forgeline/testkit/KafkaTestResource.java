package dev.forgeline.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test at the JVM's shared Kafka via {@code kafka.bootstrap.servers}. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", KafkaServers.get().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test class in the JVM and stops with it.
    }
}
