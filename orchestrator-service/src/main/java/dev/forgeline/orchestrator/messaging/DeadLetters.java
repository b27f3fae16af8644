package dev.forgeline.orchestrator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Topics;
import dev.forgeline.orchestrator.service.RunMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends one record of a batch to {@code <topic>.dlq}, as received, with the connector's dead-letter headers: the
 * rest of its batch goes on (nacking a batch would dead-letter every record of it).
 */
@ApplicationScoped
public class DeadLetters {
    private final MutinyEmitter<String> emitter;
    private final RunMetrics metrics;

    DeadLetters(@Channel(Channels.OUTBOX_OUT) MutinyEmitter<String> emitter, RunMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public Uni<Void> send(KafkaRecord<String, String> record, Throwable reason) {
        Log.warnf("dead-lettering a record of %s (partition %d): %s", record.getTopic(), record.getPartition(),
                reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.getHeaders()) {
            headers.add(header);
        }
        header(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(headers, "dead-letter-cause-class-name", reason.getClass().getName());
        header(headers, "dead-letter-topic", record.getTopic());
        header(headers, "dead-letter-partition", String.valueOf(record.getPartition()));
        if (record instanceof IncomingKafkaRecord<String, String> incoming) {
            header(headers, "dead-letter-offset", String.valueOf(incoming.getOffset()));
        }
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.getTopic() + Topics.DLQ_SUFFIX)
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(record.getPayload()).addMetadata(metadata))
                .ifNoItem().after(Duration.ofSeconds(30)).fail()
                .invoke(() -> metrics.deadLettered(record.getTopic()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
