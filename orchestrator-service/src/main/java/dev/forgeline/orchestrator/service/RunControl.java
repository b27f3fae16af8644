package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.RunInput;
import dev.forgeline.orchestrator.domain.RunSummary;
import dev.forgeline.orchestrator.service.RunTransitions.Command;
import io.smallrye.mutiny.Uni;

/**
 * Replay and cancel (DESIGN §5, §6). Replay re-dispatches failed, skipped and cancelled modules (or the named ones
 * and everything downstream of them) as new attempts, keeps validated ones, and ends with a fresh run validation.
 */
@ApplicationScoped
public class RunControl {
    private final RunTransitions transitions;

    RunControl(RunTransitions transitions) {
        this.transitions = transitions;
    }

    public Uni<RunSummary> replay(UUID runId, List<String> named) {
        return apply(runId, new RunInput.Replay(named, Instant.now()));
    }

    public Uni<RunSummary> cancel(UUID runId) {
        return apply(runId, new RunInput.Cancel(Instant.now()));
    }

    private Uni<RunSummary> apply(UUID runId, RunInput input) {
        return transitions.apply(List.of(new Command(runId, input)))
                .map(results -> RunSummary.of(results.get(0).state()));
    }
}
