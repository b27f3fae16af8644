package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.Principal;
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
    private final RunQueries queries;

    RunControl(RunTransitions transitions, RunQueries queries) {
        this.transitions = transitions;
        this.queries = queries;
    }

    public Uni<RunSummary> replay(UUID runId, List<String> named, Principal caller) {
        return apply(runId, caller, new RunInput.Replay(named, caller.actor(), Instant.now()));
    }

    public Uni<RunSummary> cancel(UUID runId, Principal caller) {
        return apply(runId, caller, new RunInput.Cancel(caller.actor(), Instant.now()));
    }

    /** Another tenant's run is refused as unknown before anything is locked (a run's tenant never changes). */
    private Uni<RunSummary> apply(UUID runId, Principal caller, RunInput input) {
        return queries.visible(runId, caller).chain(() -> transitions.apply(List.of(new Command(runId, input))))
                .map(results -> RunSummary.of(results.get(0).state()));
    }
}
