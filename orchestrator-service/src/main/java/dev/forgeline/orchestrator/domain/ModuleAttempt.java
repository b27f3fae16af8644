package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One attempt at one module, appended and never rewritten: (run, module, attempt) is unique. */
@Entity
@Table(name = "module_attempts")
public class ModuleAttempt extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_id")
    public UUID runId;
    public String module;
    public int attempt;
    @Column(name = "command_id")
    public String commandId;
    public String status;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String provider;
    @Column(name = "worker_id")
    public String workerId;
    @Column(name = "generation_ms")
    public Long generationMs;
    @Column(name = "validation_ms")
    public Long validationMs;
    public Double coverage;
    public String issues;
}
