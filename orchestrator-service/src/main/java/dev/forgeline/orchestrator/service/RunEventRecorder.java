package dev.forgeline.orchestrator.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.OutboxRepository;
import io.smallrye.mutiny.Uni;

/** Writes a RunEvent for every transition into the outbox, in the transaction of the transition. */
@ApplicationScoped
public class RunEventRecorder {
    private final OutboxRepository outbox;

    RunEventRecorder(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> runChanged(Run run, Instant at, String detail) {
        RunEvent event = new RunEvent(Ids.uuidV7(), run.id, RunEventType.RUN_STATUS_CHANGED, null, null,
                run.status.name(), at, detail);
        return enqueue(event);
    }

    public Uni<Void> moduleChanged(RunModule module, Instant at, String detail) {
        RunEvent event = new RunEvent(Ids.uuidV7(), module.runId, RunEventType.MODULE_STATUS_CHANGED, module.module,
                module.attempt == 0 ? null : module.attempt, module.status.name(), at, detail);
        return enqueue(event);
    }

    private Uni<Void> enqueue(RunEvent event) {
        return outbox.enqueue(event.runId(), Topics.RUN_EVENTS, event.runId().toString(), CloudEventTypes.RUN_EVENT,
                event).replaceWithVoid();
    }
}
