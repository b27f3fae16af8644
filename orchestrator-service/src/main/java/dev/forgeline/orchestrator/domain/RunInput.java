package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.List;

import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunActor;
import dev.forgeline.contracts.messages.RunValidated;

/** What can happen to a run; each is applied by {@link RunMachine#apply}. */
public sealed interface RunInput {
    Instant at();

    /** A module verdict from the validator. */
    record ModuleVerdict(ModuleValidated verdict, Instant at) implements RunInput {
    }

    /** The run validator's verdict. */
    record RunVerdict(RunValidated verdict, Instant at) implements RunInput {
    }

    /** Time passed: expired leases get a new attempt, due retries are dispatched. */
    record Timers(Instant at) implements RunInput {
    }

    /** The sweep found the run possibly past its deadline. */
    record Deadline(Instant at) implements RunInput {
    }

    /** A replay of the named modules (and their dependents), or of every module that did not pass. */
    record Replay(List<String> modules, RunActor actor, Instant at) implements RunInput {
        public Replay(List<String> modules, Instant at) {
            this(modules, null, at);
        }
    }

    /** A cancel request. */
    record Cancel(RunActor actor, Instant at) implements RunInput {
        public Cancel(Instant at) {
            this(null, at);
        }
    }
}
