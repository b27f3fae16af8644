package dev.forgeline.testkit;

/** A reachable Kafka cluster, wherever it runs. */
public interface KafkaEndpoint {
    String bootstrapServers();
}
