package dev.forgeline.contracts;

/**
 * How a service creates Forgeline's topics at start-up ({@code forgeline.topics.*}): whether at all (off when an
 * operator or Strimzi owns them), partitions, replication factor and {@code min.insync.replicas}.
 */
public record TopicSettings(boolean create, int partitions, short replicationFactor, int minInsyncReplicas) {
    /** Config keys, shared by the three services (environment: FORGELINE_TOPICS_CREATE, ...). */
    public static final String CREATE = "forgeline.topics.create";
    public static final String REPLICATION_FACTOR = "forgeline.topics.replication-factor";
    public static final String MIN_INSYNC_REPLICAS = "forgeline.topics.min-insync-replicas";

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(REPLICATION_FACTOR + " must be at least 1, got " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + " must be between 1 and " + REPLICATION_FACTOR
                    + " (" + replicationFactor + "), got " + minInsyncReplicas);
        }
    }
}
