package dev.forgeline.orchestrator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.forgeline.contracts.Topics;

/** One record of a {@code .dlq} topic as read: value and headers as bytes, exactly as the dead-letter sender wrote them. */
public record DeadLetterRecord(DeadLetterId id, byte[] key, byte[] value, List<Header> headers, Instant time) {
    /** Headers the dead-letter senders add; everything else is the original record's. */
    public static final String HEADER_PREFIX = "dead-letter-";

    static DeadLetterRecord of(DeadLetterId id, byte[] key, byte[] value, Headers headers, long timestamp) {
        List<Header> list = new ArrayList<>();
        headers.forEach(list::add);
        return new DeadLetterRecord(id, key, value, List.copyOf(list), Instant.ofEpochMilli(timestamp));
    }

    /** The last value of a header as text, or {@code null}. */
    public String header(String name) {
        String value = null;
        for (Header h : headers) {
            if (h.key().equals(name) && h.value() != null) {
                value = new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    /** The original record's headers: those the dead-letter senders did not add. */
    public List<Header> originalHeaders() {
        return headers.stream().filter(h -> !h.key().startsWith(HEADER_PREFIX)).toList();
    }

    /** The topic to re-publish to: the {@code dead-letter-topic} header when it names this DLQ's source, else by name. */
    public String sourceTopic() {
        String byName = DeadLetterId.sourceOf(id.topic());
        String named = header(HEADER_PREFIX + "topic");
        return named != null && (named + Topics.DLQ_SUFFIX).equals(id.topic()) ? named : byName;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }
}
