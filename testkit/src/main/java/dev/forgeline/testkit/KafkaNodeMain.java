package dev.forgeline.testkit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import dev.forgeline.contracts.SizeLimits;

/**
 * One KRaft node (combined broker and controller) as a process of its own, so that a test can kill it, stop it
 * and start it again on the same data. Formats its directory on first start. Started by {@link KafkaCluster}.
 * Arguments: {@code nodeId brokerPort controllerPort voters dataDir clusterId replicationFactor}.
 */
public final class KafkaNodeMain {
    private static final String CONTROLLER = "CONTROLLER";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: KafkaNodeMain nodeId brokerPort controllerPort voters dataDir clusterId replicationFactor");
            System.exit(2);
        }
        int nodeId = Integer.parseInt(args[0]);
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        String voters = args[3];
        Path dataDir = Path.of(args[4]);
        String clusterId = args[5];
        int replication = Integer.parseInt(args[6]);
        String minIsr = String.valueOf(Math.min(2, replication));

        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("offsets.topic.replication.factor", String.valueOf(replication));
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", String.valueOf(replication));
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("min.insync.replicas", minIsr);
        props.put("default.replication.factor", String.valueOf(replication));
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("message.max.bytes", String.valueOf(SizeLimits.MAX_RECORD_BYTES));
        props.put("replica.fetch.max.bytes", String.valueOf(SizeLimits.MAX_RECORD_BYTES));
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "4");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        // A dead peer is noticed within seconds, not the default 18 s / 9 s (the point of the broker-loss scenario).
        props.put("broker.session.timeout.ms", "6000");
        props.put("broker.heartbeat.interval.ms", "1000");
        props.put("replica.lag.time.max.ms", "6000");
        KafkaConfig config = new KafkaConfig(props, false);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toString());
            formatter.run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "kafka-node-shutdown"));
        server.startup();
        System.out.println("kafka node " + nodeId + " started on 127.0.0.1:" + brokerPort);
        stopped.await();
    }
}
