package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.UUID;

import dev.forgeline.contracts.messages.RunStatus;

/** The headline of a run: what a submission, a replay or a cancel answers with. */
public record RunSummary(UUID id, String name, String stack, RunStatus status, String reason, Instant createdAt,
        Instant finishedAt, Double successRate, String tenant, String submittedBy) {

    public static RunSummary of(RunState run) {
        return new RunSummary(run.id, run.name, run.plan.stack(), run.status, run.reason, run.createdAt,
                run.finishedAt, run.successRate, run.tenant, run.submittedBy);
    }

    public static RunSummary of(Run run) {
        return new RunSummary(run.id, run.name, run.stack, run.status, run.reason, run.createdAt, run.finishedAt,
                run.successRate, run.tenant, run.submittedBy);
    }
}
