package dev.forgeline.orchestrator.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.orchestrator.service.RunCoordinator;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Applies run verdicts from forgeline.run.results, a polled batch per transaction ({@link VerdictBatches}). */
@ApplicationScoped
public class RunValidatedConsumer {
    private final RunCoordinator coordinator;
    private final VerdictBatches batches;

    RunValidatedConsumer(RunCoordinator coordinator, VerdictBatches batches) {
        this.coordinator = coordinator;
        this.batches = batches;
    }

    @Incoming(Channels.RUN_RESULTS_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, RunValidatedConsumer::parse, coordinator::onRunValidated);
    }

    static RunValidated parse(String value) {
        RunValidated verdict = Json.read(value, RunValidated.class);
        if (verdict.runId() == null || verdict.validation() < 1 || verdict.reason() == null) {
            throw new MalformedRecordException("RunValidated: runId, validation and reason are required");
        }
        return verdict;
    }
}
