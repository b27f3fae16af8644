package dev.forgeline.testkit;

/** A Kafka cluster someone else runs, named by its bootstrap servers. */
record ExternalKafka(String bootstrapServers) implements KafkaEndpoint {
}
