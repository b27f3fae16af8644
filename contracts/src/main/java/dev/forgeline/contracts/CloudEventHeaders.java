package dev.forgeline.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds and reads the CloudEvents binary-mode headers ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time}). */
public final class CloudEventHeaders {
    private CloudEventHeaders() {
    }

    public static RecordHeaders create(String id, String type, String source, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add(CloudEventTypes.HEADER_ID, bytes(id));
        headers.add(CloudEventTypes.HEADER_TYPE, bytes(type));
        headers.add(CloudEventTypes.HEADER_SOURCE, bytes(source));
        headers.add(CloudEventTypes.HEADER_TIME, bytes(time.toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    /** The value of a header as text, or null when absent. */
    public static String get(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
