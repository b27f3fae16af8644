package dev.forgeline.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@code size} nodes, each a process of its own ({@link KafkaNodeMain}) with its data in a
 * temporary directory, so that a node can be killed, stopped and started again on the same data and ports.
 * Replication factor and the internal topics follow the size (3 nodes: RF 3, {@code min.insync.replicas} 2).
 */
public final class KafkaCluster implements KafkaEndpoint, AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final List<Node> nodes = new ArrayList<>();
    private final String voters;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Path root;
    private final Path logDir;
    private final CloseOnExit closeOnExit;

    private record Node(int id, int brokerPort, int controllerPort, Path dataDir, ServiceProcess[] process) {
    }

    private KafkaCluster(int size, Path logDir) {
        this.root = TempDirs.create("forgeline-kafka-cluster-");
        this.logDir = logDir;
        List<String> voterList = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            Node node = new Node(id, Ports.freePort(), Ports.freePort(), root.resolve("node-" + id),
                    new ServiceProcess[1]);
            nodes.add(node);
            voterList.add(id + "@127.0.0.1:" + node.controllerPort());
        }
        this.voters = String.join(",", voterList);
        this.closeOnExit = new CloseOnExit("kafka-cluster-shutdown", this::shutdown);
    }

    /** Starts {@code size} nodes and returns once every broker is in the cluster; node logs go to {@code logDir}. */
    public static KafkaCluster start(int size, Path logDir) {
        KafkaCluster cluster = new KafkaCluster(size, logDir);
        try {
            for (Node node : cluster.nodes) {
                cluster.launch(node);
            }
            cluster.awaitBrokers(size);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort()).toList());
    }

    public int size() {
        return nodes.size();
    }

    /** SIGKILL of node {@code id} (1-based), as a crashed machine. */
    public void kill(int id) {
        node(id).process()[0].kill();
    }

    /** SIGTERM of node {@code id}: a controlled shutdown. */
    public void stop(int id) {
        node(id).process()[0].stop();
    }

    /** Starts node {@code id} again on the same data and ports; returns once every node is back in the cluster. */
    public void restart(int id) {
        Node node = node(id);
        node.process()[0].stop();
        launch(node);
        awaitBrokers(nodes.size());
    }

    private Node node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no Kafka node " + id + " in a cluster of " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    private void launch(Node node) {
        String classpath = System.getProperty("java.class.path");
        List<String> command = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                KafkaNodeMain.class.getName(), String.valueOf(node.id()), String.valueOf(node.brokerPort()),
                String.valueOf(node.controllerPort()), voters, node.dataDir().toString(), clusterId,
                String.valueOf(Math.min(3, nodes.size())));
        node.process()[0] = ServiceProcess.startJava("kafka-" + node.id(), command, Map.of(),
                logDir.resolve("kafka-" + node.id() + ".log"));
    }

    private void awaitBrokers(int expected) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                for (Node node : nodes) {
                    if (!node.process()[0].isAlive()) {
                        throw new IllegalStateException("Kafka node " + node.id() + " exited:\n" + node.process()[0].tail(40));
                    }
                }
                try {
                    int seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000)).nodes()
                            .get(6, TimeUnit.SECONDS).size();
                    if (seen >= expected) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not all up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka cluster at " + bootstrapServers() + " not ready in " + READY_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** Stops every node and deletes the data. */
    @Override
    public void close() {
        closeOnExit.closeNow();
    }

    private void shutdown() {
        try {
            for (Node node : nodes) {
                if (node.process()[0] != null) {
                    node.process()[0].stop();
                }
            }
        } finally {
            TempDirs.deleteRecursively(root);
        }
    }
}
