package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One audited action on a run: who (tenant, key name) submitted, replayed or cancelled it, and when. */
@Entity
@Table(name = "run_audit")
public class RunAuditEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_id")
    public UUID runId;
    public String action;
    public String tenant;
    @Column(name = "key_name")
    public String keyName;
    public Instant at;
}
