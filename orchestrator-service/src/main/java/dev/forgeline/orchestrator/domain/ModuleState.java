package dev.forgeline.orchestrator.domain;

import java.time.Instant;

import dev.forgeline.contracts.messages.ModuleStatus;

/** The changing part of one module of a run; a state machine works on its own copy. */
public final class ModuleState {
    public String module;
    public int position;
    public boolean critical;
    public ModuleStatus status;
    public int attempt;
    public int maxAttempts;
    public Instant firstDispatchedAt;
    public Instant dispatchedAt;
    public Instant leaseUntil;
    public Instant nextAttemptAt;
    public Instant validatedAt;
    public Instant finishedAt;
    public Double coverage;
    public int fileCount;
    public String reason;
    /** The last attempt's validation issues as a JSON array, or null. */
    public String issues;

    public ModuleState copy() {
        ModuleState c = new ModuleState();
        c.module = module;
        c.position = position;
        c.critical = critical;
        c.status = status;
        c.attempt = attempt;
        c.maxAttempts = maxAttempts;
        c.firstDispatchedAt = firstDispatchedAt;
        c.dispatchedAt = dispatchedAt;
        c.leaseUntil = leaseUntil;
        c.nextAttemptAt = nextAttemptAt;
        c.validatedAt = validatedAt;
        c.finishedAt = finishedAt;
        c.coverage = coverage;
        c.fileCount = fileCount;
        c.reason = reason;
        c.issues = issues;
        return c;
    }
}
