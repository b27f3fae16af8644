package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.forgeline.contracts.messages.RunStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A generation run: one submitted spec, its status and the run validator's verdict. */
@Entity
@Table(name = "runs")
public class Run extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    /** The tenant that submitted the run (issue 15). */
    public String tenant;
    /** The name of the key (or JWT subject) that submitted it. */
    @Column(name = "submitted_by")
    public String submittedBy;
    public String stack;
    public String spec;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    public String reason;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public int validations;
    @Column(name = "success_rate")
    public Double successRate;
    public String report;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Version
    public long version;
}
