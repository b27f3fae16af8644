package dev.forgeline.testkit.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.contracts.messages.RunStatus;

/**
 * Follows forgeline.run.events for one run, from a position taken before the run was submitted, until the run
 * reaches a terminal status or the time is up.
 */
public final class RunEventTail implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;

    public RunEventTail(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 17825792);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.RUN_EVENTS, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Delivers the run's events in order until its terminal status; returns it, or null when time ran out. */
    public RunStatus follow(String runId, Duration timeout, Consumer<RunEvent> onEvent) {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (!runId.equals(record.key())) {
                    continue;
                }
                RunEvent event = Json.read(record.value(), RunEvent.class);
                onEvent.accept(event);
                if (event.type() == RunEventType.RUN_STATUS_CHANGED && RunStatus.valueOf(event.status()).isTerminal()) {
                    return RunStatus.valueOf(event.status());
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
