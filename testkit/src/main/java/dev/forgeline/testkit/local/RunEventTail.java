package dev.forgeline.testkit.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.testkit.TopicReaders;

/**
 * Follows forgeline.run.events for one run, from a position taken before the run was submitted, until the run
 * reaches a terminal status or the time is up.
 */
public final class RunEventTail implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;

    public RunEventTail(String bootstrapServers) {
        consumer = TopicReaders.fromEnd(bootstrapServers, List.of(Topics.RUN_EVENTS));
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
