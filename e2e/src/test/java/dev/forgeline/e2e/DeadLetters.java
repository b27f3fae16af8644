package dev.forgeline.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import dev.forgeline.testkit.TopicReaders;

/** Counts the records of a dead-letter topic that carry a reason header. */
final class DeadLetters {
    private DeadLetters() {
    }

    static int count(String bootstrap, String topic, Duration within) {
        try (KafkaConsumer<String, String> consumer = TopicReaders.fromBeginning(bootstrap, List.of(topic))) {
            int count = 0;
            Instant until = Instant.now().plus(within);
            while (Instant.now().isBefore(until) && count < 2) {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.headers().lastHeader("dead-letter-reason") != null) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
