package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A command or event written in the same transaction as the state change that caused it; published after commit.
 * The table's {@code seq} (bigserial, publication order) is left to the database and not mapped, so inserts batch.
 */
@Entity
@Table(name = "outbox")
public class OutboxRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_id")
    public UUID runId;
    public String topic;
    @Column(name = "record_key")
    public String recordKey;
    @Column(name = "ce_type")
    public String ceType;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Until when the writer that created the record owns its publication; the sweep leaves it alone until then. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "published_at")
    public Instant publishedAt;
}
