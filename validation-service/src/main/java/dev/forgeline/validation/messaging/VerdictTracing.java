package dev.forgeline.validation.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;

import dev.forgeline.contracts.TraceHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * The validator's spans of a run's trace: one consumer span per validation, continuing the trace its record headers
 * carry; the verdict is published as its child. A no-op while the SDK is disabled (the default locally).
 */
@ApplicationScoped
public class VerdictTracing {
    private final Tracer tracer;

    public VerdictTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span of validating what a record of {@code topic} asked for; {@code module} null for a whole run. */
    public Span start(String name, String topic, Headers headers, UUID runId, String module, int attempt) {
        SpanBuilder builder = tracer.spanBuilder(name).setParent(TraceHeaders.extract(headers))
                .setSpanKind(SpanKind.CONSUMER).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("forgeline.run.id", String.valueOf(runId));
        if (module != null) {
            builder.setAttribute("forgeline.module", module).setAttribute("forgeline.attempt", attempt);
        }
        return builder.startSpan();
    }
}
