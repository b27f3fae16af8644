package dev.forgeline.orchestrator.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.orchestrator.domain.RunInput;
import dev.forgeline.orchestrator.domain.RunState;
import dev.forgeline.orchestrator.domain.Transition;
import dev.forgeline.orchestrator.service.RunTransitions.Command;
import io.smallrye.mutiny.Uni;

/** Feeds verdicts, timers and deadlines to the state machine, and arms the timer of each run's next due retry. */
@ApplicationScoped
public class RunCoordinator {
    private final RunTransitions transitions;
    private final IsolatedContext context;

    RunCoordinator(RunTransitions transitions, IsolatedContext context) {
        this.transitions = transitions;
        this.context = context;
    }

    /** A consumed verdict with the W3C trace context of its consumer span (null when tracing is off). */
    public record Traced<T>(T verdict, String traceParent) {
    }

    public Uni<Void> onModuleValidated(ModuleValidated verdict) {
        return onModuleValidated(List.of(new Traced<>(verdict, null)));
    }

    /**
     * Applies a batch of module verdicts in one transaction, in order per run; what each verdict causes is published
     * in its trace.
     */
    public Uni<Void> onModuleValidated(List<Traced<ModuleValidated>> verdicts) {
        Instant now = Instant.now();
        return apply(verdicts.stream().map(t -> new Command(t.verdict().runId(),
                new RunInput.ModuleVerdict(t.verdict(), now), t.traceParent())).toList());
    }

    public Uni<Void> onRunValidated(RunValidated verdict) {
        return onRunValidated(List.of(new Traced<>(verdict, null)));
    }

    /** Applies a batch of run verdicts in one transaction, each in its trace. */
    public Uni<Void> onRunValidated(List<Traced<RunValidated>> verdicts) {
        Instant now = Instant.now();
        return apply(verdicts.stream().map(t -> new Command(t.verdict().runId(),
                new RunInput.RunVerdict(t.verdict(), now), t.traceParent())).toList());
    }

    public Uni<Void> onTimers(UUID runId) {
        return apply(List.of(new Command(runId, new RunInput.Timers(Instant.now()))));
    }

    public Uni<Boolean> timeOut(UUID runId) {
        return transitions.apply(List.of(new Command(runId, new RunInput.Deadline(Instant.now()))))
                .map(results -> results.get(0).applied());
    }

    private Uni<Void> apply(List<Command> commands) {
        if (commands.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transitions.apply(commands).invoke(this::armRetryTimers).replaceWithVoid();
    }

    /** Arms the timer of each changed run's next due retry, if any. */
    private void armRetryTimers(List<Transition> results) {
        Map<UUID, RunState> latest = new LinkedHashMap<>();
        results.stream().filter(Transition::applied).forEach(t -> latest.put(t.state().id, t.state()));
        latest.values().forEach(run -> {
            Instant next = run.nextRetryAt();
            if (next != null) {
                long delay = Duration.between(Instant.now(), next).toMillis();
                context.runLater(delay, () -> onTimers(run.id));
            }
        });
    }
}
