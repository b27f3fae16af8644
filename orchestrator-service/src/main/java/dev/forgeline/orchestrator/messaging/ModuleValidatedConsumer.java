package dev.forgeline.orchestrator.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.orchestrator.service.RunCoordinator;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Applies module verdicts from forgeline.module.validated, a polled batch per transaction ({@link VerdictBatches}). */
@ApplicationScoped
public class ModuleValidatedConsumer {
    private final RunCoordinator coordinator;
    private final VerdictBatches batches;

    ModuleValidatedConsumer(RunCoordinator coordinator, VerdictBatches batches) {
        this.coordinator = coordinator;
        this.batches = batches;
    }

    @Incoming(Channels.MODULE_VALIDATED_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, ModuleValidatedConsumer::parse, coordinator::onModuleValidated);
    }

    static ModuleValidated parse(String value) {
        ModuleValidated verdict = Json.read(value, ModuleValidated.class);
        if (verdict.runId() == null || verdict.module() == null || verdict.attempt() < 1) {
            throw new MalformedRecordException("ModuleValidated: runId, module and a positive attempt are required");
        }
        return verdict;
    }
}
