package dev.forgeline.orchestrator.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;

import dev.forgeline.contracts.TraceHeaders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * The orchestrator's spans of a run's trace: the run's submission, each verdict consumed (continuing the validator's
 * span from the record headers) and each outbox record published (continuing the span that wrote it). With the SDK
 * disabled (the default locally) the tracer is a no-op and nothing here costs more than a method call.
 */
@ApplicationScoped
public class RunTracing {
    public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("forgeline.run.id");
    public static final AttributeKey<String> MODULE = AttributeKey.stringKey("forgeline.module");
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("forgeline.attempt");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> CE_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private final Tracer tracer;

    public RunTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The span of a run's submission: a child of the current (HTTP request) span, else a new trace's root. */
    public Span submit(UUID runId) {
        return tracer.spanBuilder("run submit").setParent(Context.current()).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(RUN_ID, runId.toString()).startSpan();
    }

    /** The span of a verdict consumed from {@code topic}, continuing the trace its record headers carry. */
    public Span consume(String topic, Headers headers, UUID runId, String module, int attempt) {
        SpanBuilder builder = tracer.spanBuilder(topic + " process").setParent(TraceHeaders.extract(headers))
                .setSpanKind(SpanKind.CONSUMER).setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "process").setAttribute(RUN_ID, String.valueOf(runId));
        if (module != null) {
            builder.setAttribute(MODULE, module).setAttribute(ATTEMPT, (long) attempt);
        }
        return builder.startSpan();
    }

    /**
     * The span of an outbox record's publication, from the row's creation to Kafka's ack (so it shows the time the
     * record waited in the outbox), as a child of the span that wrote the row. An invalid (no-op) span when the row
     * carries no trace context: a record outside any run's trace starts no trace of its own.
     */
    public Span publish(String topic, String key, String ceType, UUID runId, Instant createdAt, String traceParent) {
        Context parent = TraceHeaders.parse(traceParent);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setStartTimestamp(createdAt).setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "publish").setAttribute(CE_TYPE, ceType)
                .setAttribute(RUN_ID, String.valueOf(runId))
                .setAttribute(AttributeKey.stringKey("messaging.kafka.message.key"), key).startSpan();
    }

    /** The W3C traceparent of a span, to store with the outbox rows it causes; null when tracing is off. */
    public static String traceParent(Span span) {
        return TraceHeaders.traceparent(Context.root().with(span));
    }
}
