package dev.forgeline.orchestrator.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.orchestrator.config.EventStreamConfig;
import dev.forgeline.orchestrator.service.RunEventLog;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the whole of forgeline.run.events into {@link RunEventLog}, on every instance: its own consumer with every
 * partition assigned by hand (no consumer group, no committed offsets), starting {@code forgeline.events.history}
 * back, so any instance can stream any run.
 */
@Singleton
public class RunEventFeed {
    private final RunEventLog log;
    private final EventStreamConfig config;
    private final String bootstrap;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    RunEventFeed(RunEventLog log, EventStreamConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.log = log;
        this.config = config;
        this.bootstrap = bootstrap;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "run-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                if (!assignAll(c)) {
                    continue;
                }
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(config.pollTimeout())) {
                        accept(record);
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                Log.warnf(e, "run event feed interrupted; reconnecting to %s", bootstrap);
                pause();
            }
        }
    }

    /** Assigns every partition, each positioned at the first record of the history window. */
    private boolean assignAll(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(Topics.RUN_EVENTS, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            Log.infof("%s has no partitions yet; waiting", Topics.RUN_EVENTS);
            pause();
            return false;
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .toList();
        c.assign(partitions);
        long since = Instant.now().minus(config.history()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(query, Duration.ofSeconds(10));
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = offsets.get(p);
            if (at == null) {
                c.seekToEnd(List.of(p));
            } else {
                c.seek(p, at.offset());
            }
        }
        Log.infof("run event feed reading %d partitions of %s from %s on", partitions.size(), Topics.RUN_EVENTS,
                Instant.ofEpochMilli(since));
        return true;
    }

    private void accept(ConsumerRecord<String, String> record) {
        try {
            log.append(Json.read(record.value(), RunEvent.class));
        } catch (MalformedRecordException e) {
            Log.warnf("skipping malformed run event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "forgeline-run-event-feed-" + ProcessHandle.current().pid());
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
