package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.List;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunActor;

/** A row-level change a transition asks persistence to make, besides the run and module rows themselves. */
public sealed interface Change {
    /** A new attempt was dispatched: append it. */
    record AttemptStarted(String module, int attempt, String commandId, Instant at) implements Change {
    }

    /** The verdict of an attempt: PASSED or REJECTED with what the validator reported. */
    record AttemptJudged(ModuleValidated verdict, String status, Instant at) implements Change {
    }

    /** An attempt's lease expired without a verdict. */
    record AttemptExpired(String module, int attempt, Instant at) implements Change {
    }

    /** A validated module's files, to store. */
    record FilesAccepted(String module, List<GeneratedFile> files) implements Change {
    }

    /** A replayed module's files, to delete before it is generated again. */
    record FilesDeleted(String module) implements Change {
    }

    /** Who submitted, replayed or cancelled the run: an audit entry to append. */
    record Audited(String action, RunActor actor, Instant at) implements Change {
    }
}
