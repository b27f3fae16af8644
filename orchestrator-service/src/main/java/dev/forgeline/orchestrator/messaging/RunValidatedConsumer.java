package dev.forgeline.orchestrator.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.orchestrator.service.RunCoordinator;
import io.smallrye.mutiny.Uni;

/** Applies run verdicts from forgeline.run.results: the only way a run becomes SUCCEEDED or FAILED by validation. */
@ApplicationScoped
public class RunValidatedConsumer {
    private final RunCoordinator coordinator;

    RunValidatedConsumer(RunCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Incoming(Channels.RUN_RESULTS_IN)
    public Uni<Void> consume(String value) {
        return Uni.createFrom().item(() -> parse(value))
                .chain(verdict -> coordinator.onRunValidated(verdict)
                        .onFailure(e -> !(e instanceof MalformedRecordException)).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                        .expireIn(Duration.ofMinutes(5).toMillis()));
    }

    static RunValidated parse(String value) {
        RunValidated verdict = Json.read(value, RunValidated.class);
        if (verdict.runId() == null || verdict.validation() < 1 || verdict.reason() == null) {
            throw new MalformedRecordException("RunValidated: runId, validation and reason are required");
        }
        return verdict;
    }
}
