package dev.forgeline.orchestrator.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.orchestrator.service.RunCoordinator;
import io.smallrye.mutiny.Uni;

/**
 * Applies module verdicts from forgeline.module.validated. A malformed record is nacked to the DLQ at once; any
 * other failure (the database is away) is retried with backoff before it is given up.
 */
@ApplicationScoped
public class ModuleValidatedConsumer {
    private final RunCoordinator coordinator;

    ModuleValidatedConsumer(RunCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Incoming(Channels.MODULE_VALIDATED_IN)
    public Uni<Void> consume(String value) {
        return Uni.createFrom().item(() -> parse(value))
                .chain(verdict -> coordinator.onModuleValidated(verdict)
                        .onFailure(e -> !(e instanceof MalformedRecordException)).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                        .expireIn(Duration.ofMinutes(5).toMillis()));
    }

    static ModuleValidated parse(String value) {
        ModuleValidated verdict = Json.read(value, ModuleValidated.class);
        if (verdict.runId() == null || verdict.module() == null || verdict.attempt() < 1) {
            throw new MalformedRecordException("ModuleValidated: runId, module and a positive attempt are required");
        }
        return verdict;
    }
}
