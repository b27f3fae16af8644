package dev.forgeline.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import dev.forgeline.contracts.SizeLimits;

/** Kafka in a Docker container, configured like {@link EmbeddedKafka}. */
final class ContainerKafka implements KafkaEndpoint {
    static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.0.0");

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook, or by Ryuk if the JVM dies
    static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(SizeLimits.MAX_RECORD_BYTES))
                .withEnv("KAFKA_REPLICA_FETCH_MAX_BYTES", String.valueOf(SizeLimits.MAX_RECORD_BYTES))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", "4");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }
}
