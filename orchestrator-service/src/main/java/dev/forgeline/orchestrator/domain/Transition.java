package dev.forgeline.orchestrator.domain;

import java.util.List;

/**
 * What applying an input did: the state after it (the input state when it was ignored), whether it applied, and the
 * changes and outgoing records persistence writes in one transaction.
 */
public record Transition(RunState state, boolean applied, List<Change> changes, List<Outgoing> outgoing) {
    public static Transition ignored(RunState state) {
        return new Transition(state, false, List.of(), List.of());
    }
}
