package dev.forgeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

class TraceHeadersTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private static Context spanContext() {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(),
                TraceState.getDefault())));
    }

    @Test
    void aSpansContextGoesIntoRecordHeadersAsW3cTraceparentAndComesBack() {
        RecordHeaders headers = CloudEventHeaders.create("id", "type", "source", java.time.Instant.EPOCH);
        TraceHeaders.inject(spanContext(), headers);

        assertThat(CloudEventHeaders.get(headers, "traceparent")).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        SpanContext read = Span.fromContext(TraceHeaders.extract(headers)).getSpanContext();
        assertThat(read.getTraceId()).isEqualTo(TRACE);
        assertThat(read.getSpanId()).isEqualTo(SPAN);
        assertThat(read.isRemote()).isTrue();
    }

    @Test
    void injectingTwiceLeavesOneTraceparentHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-11111111111111111111111111111111-2222222222222222-01".getBytes(StandardCharsets.UTF_8));
        TraceHeaders.inject(spanContext(), headers);
        assertThat(headers.headers("traceparent")).hasSize(1);
        assertThat(CloudEventHeaders.get(headers, "traceparent")).contains(TRACE);
    }

    @Test
    void aStoredTraceparentNamesTheSameSpan() {
        String stored = TraceHeaders.traceparent(spanContext());
        assertThat(stored).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        SpanContext parsed = Span.fromContext(TraceHeaders.parse(stored)).getSpanContext();
        assertThat(parsed.getTraceId()).isEqualTo(TRACE);
        assertThat(parsed.getSpanId()).isEqualTo(SPAN);
    }

    @Test
    void withTracingOffNothingIsStoredOrSent() {
        RecordHeaders headers = new RecordHeaders();
        TraceHeaders.inject(Context.root(), headers);
        assertThat(headers.toArray()).isEmpty();
        assertThat(TraceHeaders.traceparent(Context.root())).isNull();
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTraceInsteadOfFailingTheRecord() {
        RecordHeaders malformed = new RecordHeaders();
        malformed.add("traceparent", "not-a-traceparent".getBytes(StandardCharsets.UTF_8));
        assertThat(Span.fromContext(TraceHeaders.extract(malformed)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceHeaders.extract(new RecordHeaders())).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceHeaders.extract(null)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceHeaders.parse("00-zz")).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceHeaders.parse(null)).getSpanContext().isValid()).isFalse();
    }
}
