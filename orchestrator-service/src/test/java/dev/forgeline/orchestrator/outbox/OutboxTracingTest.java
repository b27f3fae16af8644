package dev.forgeline.orchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.CloudEventHeaders;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Topics;
import dev.forgeline.orchestrator.messaging.RunTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The trace context stored with an outbox row travels with the record the relay publishes. */
class OutboxTracingTest {
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final RunTracing tracing = new RunTracing(provider.get("test"));
    private final UUID runId = Ids.uuidV7();
    private final Instant created = Instant.now().minusMillis(40).truncatedTo(ChronoUnit.MILLIS);

    @AfterEach
    void close() {
        provider.close();
    }

    private OutboxRecord row(String traceParent) {
        return new OutboxRecord(Ids.uuidV7(), runId, Topics.MODULE_COMMANDS, runId + ":database", "GenerateModule",
                "{}", created, created.plusSeconds(30), traceParent);
    }

    private Span publish(OutboxRecord row) {
        return tracing.publish(row.topic(), row.key(), row.ceType(), row.runId(), row.createdAt(), row.traceParent());
    }

    @Test
    void aRowIsPublishedUnderTheSpanThatWroteItAndItsHeaderNamesThePublishSpan() {
        Span writer = tracing.submit(runId);
        OutboxRecord row = row(RunTracing.traceParent(writer));
        writer.end();

        Span publish = publish(row);
        RecordHeaders headers = OutboxRelay.headers(row, "forgeline/orchestrator", publish);
        publish.end();

        String traceparent = CloudEventHeaders.get(headers, "traceparent");
        assertThat(traceparent).isEqualTo("00-" + writer.getSpanContext().getTraceId() + "-"
                + publish.getSpanContext().getSpanId() + "-01");
        assertThat(CloudEventHeaders.get(headers, "ce_type")).isEqualTo("GenerateModule");
        SpanData sent = exported.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
        assertThat(sent.getName()).isEqualTo("forgeline.module.commands publish");
        assertThat(sent.getTraceId()).isEqualTo(writer.getSpanContext().getTraceId());
        assertThat(sent.getParentSpanId()).isEqualTo(writer.getSpanContext().getSpanId());
        assertThat(sent.getAttributes().get(RunTracing.RUN_ID)).isEqualTo(runId.toString());
        // The span starts when the row was written: it shows how long the record waited in the outbox.
        assertThat(Instant.ofEpochSecond(0, sent.getStartEpochNanos())).isEqualTo(created);
    }

    @Test
    void rowsOfOneTransactionShareItsTraceButEachGetsItsOwnPublishSpan() {
        Span verdict = tracing.submit(runId);
        String stored = RunTracing.traceParent(verdict);
        Span first = publish(row(stored));
        Span second = publish(row(stored));
        assertThat(first.getSpanContext().getTraceId()).isEqualTo(second.getSpanContext().getTraceId())
                .isEqualTo(verdict.getSpanContext().getTraceId());
        assertThat(first.getSpanContext().getSpanId()).isNotEqualTo(second.getSpanContext().getSpanId());
    }

    @Test
    void anUntracedRowGoesOutWithoutTraceHeadersAndStartsNoTrace() {
        OutboxRecord row = row(null);
        Span publish = publish(row);
        RecordHeaders headers = OutboxRelay.headers(row, "forgeline/orchestrator", publish);
        publish.end();

        assertThat(CloudEventHeaders.get(headers, "traceparent")).isNull();
        assertThat(CloudEventHeaders.get(headers, "ce_id")).isEqualTo(row.id().toString());
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aMalformedStoredContextIsTreatedAsNone() {
        Span publish = publish(row("00-not-a-trace"));
        assertThat(publish.getSpanContext().isValid()).isFalse();
    }

    @Test
    void withTheSdkDisabledNothingIsStored() {
        RunTracing off = new RunTracing(TracerProvider.noop().get("off"));
        Span submit = off.submit(runId);
        assertThat(RunTracing.traceParent(submit)).isNull();
        assertThat(List.of(submit.getSpanContext().isValid())).containsExactly(false);
    }
}
