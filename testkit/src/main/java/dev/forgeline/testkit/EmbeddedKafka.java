package dev.forgeline.testkit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import dev.forgeline.contracts.SizeLimits;

/** A single-node KRaft Kafka (combined broker and controller) running inside this JVM. */
public final class EmbeddedKafka implements KafkaEndpoint, AutoCloseable {
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static EmbeddedKafka shared;

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final String bootstrapServers;
    private final CloseOnExit closeOnExit;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDirectory, String bootstrapServers) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.bootstrapServers = bootstrapServers;
        this.closeOnExit = new CloseOnExit("embedded-kafka-shutdown", this::shutdown);
    }

    /** Starts a new broker and returns once an AdminClient sees it in the cluster. */
    public static EmbeddedKafka start() {
        LogLevels.warnOnly("kafka", "org.apache.kafka", "state.change.logger");
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce();
            } catch (RuntimeException e) {
                // Ports are picked free but bound later, so another process can take one in between.
                if (attempt == START_ATTEMPTS || !causedByBindFailure(e)) {
                    throw e;
                }
            }
        }
    }

    /** One broker per class loader, started on first use and stopped at JVM exit; do not close it. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker and deletes its data directory. */
    @Override
    public void close() {
        closeOnExit.closeNow();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    private void shutdown() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            TempDirs.deleteRecursively(dataDirectory);
        }
    }

    private static EmbeddedKafka startOnce() {
        Path dataDirectory = TempDirs.create("forgeline-kafka-");
        int brokerPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        Map<String, Object> props = brokerProperties(dataDirectory, brokerPort, controllerPort);
        KafkaRaftServer server = null;
        try {
            KafkaConfig config = new KafkaConfig(props, false);
            format(config, dataDirectory);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrapServers = "127.0.0.1:" + brokerPort;
            awaitBrokerVisible(bootstrapServers);
            return new EmbeddedKafka(server, dataDirectory, bootstrapServers);
        } catch (RuntimeException e) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            TempDirs.deleteRecursively(dataDirectory);
            throw e;
        }
    }

    private static Map<String, Object> brokerProperties(Path dataDirectory, int brokerPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDirectory.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB dedupe buffer would sit on the heap of whatever JVM hosts the broker.
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("message.max.bytes", String.valueOf(SizeLimits.MAX_RECORD_BYTES));
        props.put("replica.fetch.max.bytes", String.valueOf(SizeLimits.MAX_RECORD_BYTES));
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "4");
        props.put("default.replication.factor", "1");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "2");
        return props;
    }

    private static void format(KafkaConfig config, Path dataDirectory) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDirectory, e);
        }
    }

    private static void awaitBrokerVisible(String bootstrapServers) {
        Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int timeoutMs = (int) READY_TIMEOUT.toMillis();
        try (Admin admin = Admin.create(props)) {
            // The admin client retries internally until the broker answers or the timeout passes.
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("Kafka at " + bootstrapServers + " reports no brokers");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not become ready in " + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
