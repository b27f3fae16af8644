package dev.forgeline.contracts;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Carries a run's trace across Kafka: the W3C {@code traceparent} (and {@code tracestate}) record headers, and the
 * same text stored with an outbox row. A missing or malformed value yields the root context, as W3C prescribes (the
 * receiver starts a new trace); it never fails the record.
 */
public final class TraceHeaders {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).distinct().toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            return carrier == null ? null : CloudEventHeaders.get(carrier, key);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapSetter<Headers> HEADER_SETTER = (carrier, key, value) -> {
        carrier.remove(key);
        carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private TraceHeaders() {
    }

    /** The context a record's trace headers name, or the root context when they are absent or malformed. */
    public static Context extract(Headers headers) {
        return headers == null ? Context.root() : W3C.extract(Context.root(), headers, HEADERS);
    }

    /** Sets the trace headers of the context's span on {@code headers}; none when it has no valid span (tracing off). */
    public static <H extends Headers> H inject(Context context, H headers) {
        if (Span.fromContext(context).getSpanContext().isValid()) {
            W3C.inject(context, headers, HEADER_SETTER);
        }
        return headers;
    }

    /** The W3C traceparent of the context's span, to store; null when it has no valid span (tracing off). */
    public static String traceparent(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored traceparent names; the root context when it is null or malformed. */
    public static Context parse(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }
}
