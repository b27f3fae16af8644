package dev.forgeline.orchestrator.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.orchestrator.service.RunCoordinator;
import dev.forgeline.orchestrator.service.RunCoordinator.Traced;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies module verdicts from forgeline.module.validated, a polled batch per transaction ({@link VerdictBatches}),
 * each in its run's trace: a consumer span continuing the validator's, parent of the commands the verdict causes.
 */
@ApplicationScoped
public class ModuleValidatedConsumer {
    private final RunCoordinator coordinator;
    private final VerdictBatches batches;
    private final RunTracing tracing;

    ModuleValidatedConsumer(RunCoordinator coordinator, VerdictBatches batches, RunTracing tracing) {
        this.coordinator = coordinator;
        this.batches = batches;
        this.tracing = tracing;
    }

    @Incoming(Channels.MODULE_VALIDATED_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        RunMdc.put(batch);
        List<Span> spans = new ArrayList<>();
        return batches.applyRecords(batch, record -> traced(record, spans), coordinator::onModuleValidated)
                .onTermination().invoke(() -> spans.forEach(Span::end));
    }

    private Traced<ModuleValidated> traced(KafkaRecord<String, String> record, List<Span> spans) {
        ModuleValidated verdict = parse(record.getPayload());
        Span span = tracing.consume(Topics.MODULE_VALIDATED, record.getHeaders(), verdict.runId(), verdict.module(),
                verdict.attempt());
        span.setAttribute("forgeline.passed", verdict.passed());
        spans.add(span);
        return new Traced<>(verdict, RunTracing.traceParent(span));
    }

    static ModuleValidated parse(String value) {
        ModuleValidated verdict = Json.read(value, ModuleValidated.class);
        if (verdict.runId() == null || verdict.module() == null || verdict.attempt() < 1) {
            throw new MalformedRecordException("ModuleValidated: runId, module and a positive attempt are required");
        }
        return verdict;
    }
}
