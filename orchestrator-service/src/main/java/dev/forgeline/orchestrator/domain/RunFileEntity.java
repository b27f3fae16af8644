package dev.forgeline.orchestrator.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A validated file of a run; a path belongs to exactly one module of the run. */
@Entity
@Table(name = "run_files")
public class RunFileEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_id")
    public UUID runId;
    public String module;
    public String path;
    public String content;
    public String sha256;
    @Column(name = "size_bytes")
    public int sizeBytes;
}
