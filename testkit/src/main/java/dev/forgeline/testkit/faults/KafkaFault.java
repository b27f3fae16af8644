package dev.forgeline.testkit.faults;

import java.nio.file.Path;

import dev.forgeline.testkit.KafkaCluster;
import dev.forgeline.testkit.local.StackOptions;

/**
 * The broker faults, each on a Kafka of its own whose nodes are processes: {@code kafka-restart} stops the only
 * broker (SIGTERM) and starts it again on the same data and ports; {@code kafka-broker-loss} kills one node
 * (SIGKILL) of a 3-node KRaft cluster whose topics have replication factor 3 and {@code min.insync.replicas} 2,
 * and leaves it dead until every run has ended.
 */
public final class KafkaFault implements FaultScenario {
    private final boolean lose;
    private KafkaCluster cluster;

    private KafkaFault(boolean lose) {
        this.lose = lose;
    }

    public static KafkaFault restart() {
        return new KafkaFault(false);
    }

    public static KafkaFault brokerLoss() {
        return new KafkaFault(true);
    }

    @Override
    public String name() {
        return lose ? "kafka-broker-loss" : "kafka-restart";
    }

    @Override
    public boolean ownStack() {
        return true;
    }

    @Override
    public StackOptions stack(StackOptions standard) {
        Path logDir = standard.logDir() != null ? standard.logDir() : Path.of(".forgeline/logs");
        cluster = KafkaCluster.start(lose ? 3 : 1, logDir);
        StackOptions options = standard.bootstrapServers(cluster.bootstrapServers());
        if (lose) {
            options.env("FORGELINE_TOPICS_REPLICATION_FACTOR", "3").env("FORGELINE_TOPICS_MIN_INSYNC_REPLICAS", "2");
        }
        return options;
    }

    @Override
    public void inject(FaultContext context) {
        context.faultNow();
        if (lose) {
            cluster.kill(1);
        } else {
            cluster.restart(1);
        }
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
