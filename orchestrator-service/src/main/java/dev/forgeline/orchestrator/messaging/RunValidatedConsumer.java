package dev.forgeline.orchestrator.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.orchestrator.service.RunCoordinator;
import dev.forgeline.orchestrator.service.RunCoordinator.Traced;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies run verdicts from forgeline.run.results, a polled batch per transaction ({@link VerdictBatches}), each in
 * its run's trace (a consumer span continuing the validator's).
 */
@ApplicationScoped
public class RunValidatedConsumer {
    private final RunCoordinator coordinator;
    private final VerdictBatches batches;
    private final RunTracing tracing;

    RunValidatedConsumer(RunCoordinator coordinator, VerdictBatches batches, RunTracing tracing) {
        this.coordinator = coordinator;
        this.batches = batches;
        this.tracing = tracing;
    }

    @Incoming(Channels.RUN_RESULTS_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        RunMdc.put(batch);
        List<Span> spans = new ArrayList<>();
        return batches.applyRecords(batch, record -> traced(record, spans), coordinator::onRunValidated)
                .onTermination().invoke(() -> spans.forEach(Span::end));
    }

    private Traced<RunValidated> traced(KafkaRecord<String, String> record, List<Span> spans) {
        RunValidated verdict = parse(record.getPayload());
        Span span = tracing.consume(Topics.RUN_RESULTS, record.getHeaders(), verdict.runId(), null, 0);
        span.setAttribute("forgeline.passed", verdict.passed());
        spans.add(span);
        return new Traced<>(verdict, RunTracing.traceParent(span));
    }

    static RunValidated parse(String value) {
        RunValidated verdict = Json.read(value, RunValidated.class);
        if (verdict.runId() == null || verdict.validation() < 1 || verdict.reason() == null) {
            throw new MalformedRecordException("RunValidated: runId, validation and reason are required");
        }
        return verdict;
    }
}
