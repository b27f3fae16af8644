package dev.forgeline.testkit;

import java.util.Optional;

/** Picks this JVM's Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else a container when asked or its image is present, else embedded. */
public final class KafkaServers {
    public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    // Quarkus may load the testkit in more than one class loader; a system property is seen by all of them.
    static final String STARTED_PROPERTY = "forgeline.testkit.kafka.bootstrap-servers";
    private static KafkaEndpoint shared;

    private KafkaServers() {
    }

    /** The JVM-wide Kafka, started on first use. */
    public static synchronized KafkaEndpoint get() {
        if (shared == null) {
            shared = fromEnvironment()
                    .or(() -> Optional.ofNullable(System.getProperty(STARTED_PROPERTY)).map(ExternalKafka::new))
                    .orElseGet(KafkaServers::startForThisJvm);
        }
        return shared;
    }

    /** The cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}, if that is set. */
    public static Optional<KafkaEndpoint> fromEnvironment() {
        return Optional.ofNullable(System.getenv(BOOTSTRAP_SERVERS_ENV))
                .filter(value -> !value.isBlank())
                .map(ExternalKafka::new);
    }

    private static KafkaEndpoint startForThisJvm() {
        KafkaEndpoint started = Docker.useContainerFor(ContainerKafka.IMAGE.asCanonicalNameString()) ? ContainerKafka.start() : EmbeddedKafka.shared();
        System.setProperty(STARTED_PROPERTY, started.bootstrapServers());
        return started;
    }
}
