package dev.forgeline.orchestrator.domain;

import java.util.Set;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.ValidateRun;

/** A record a transition emits through the outbox, in order. File contents are attached by persistence. */
public sealed interface Outgoing {
    /** A RunEvent on forgeline.run.events. */
    record Event(RunEvent event) implements Outgoing {
    }

    /** A GenerateModule; persistence attaches the validated files of {@code upstreamModules} (none for templates). */
    record Generate(GenerateModule command, Set<String> upstreamModules) implements Outgoing {
    }

    /** A ValidateRun; persistence attaches the run's final file set. */
    record Validate(ValidateRun command) implements Outgoing {
    }
}
