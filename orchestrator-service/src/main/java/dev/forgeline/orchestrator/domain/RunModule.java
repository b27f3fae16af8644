package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.forgeline.contracts.messages.ModuleStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One module of a run: its place in the DAG, its plan, its current attempt and status. */
@Entity
@Table(name = "run_modules")
public class RunModule extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_id")
    public UUID runId;
    public String module;
    public int position;
    @Enumerated(EnumType.STRING)
    public ModuleStatus status;
    public boolean critical;
    /** Comma-separated module names; empty for independent modules. */
    @Column(name = "depends_on")
    public String dependsOn;
    /** The {@code ModulePlan} as JSON. */
    public String plan;
    public int attempt;
    @Column(name = "max_attempts")
    public int maxAttempts;
    @Column(name = "first_dispatched_at")
    public Instant firstDispatchedAt;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "validated_at")
    public Instant validatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public Double coverage;
    @Column(name = "file_count")
    public int fileCount;
    public String reason;
    /** The last attempt's validation issues as a JSON array. */
    public String issues;
    @Version
    public long version;

    public List<String> dependencies() {
        return dependsOn == null || dependsOn.isBlank() ? List.of() : Arrays.asList(dependsOn.split(","));
    }
}
