package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.ModuleAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Module attempts, append-only. */
@ApplicationScoped
public class ModuleAttemptRepository implements PanacheRepositoryBase<ModuleAttempt, UUID> {

    public Uni<ModuleAttempt> find(UUID runId, String module, int attempt) {
        return find("runId = ?1 and module = ?2 and attempt = ?3", runId, module, attempt).firstResult();
    }

    /**
     * Writes an attempt's verdict in one statement, without loading the attempt first (the hot path of every
     * ModuleValidated record); 0 when no such attempt exists.
     */
    public Uni<Integer> recordVerdict(UUID runId, String module, int attempt, String status, Instant finishedAt,
            String provider, String workerId, Long generationMs, Long validationMs, Double coverage, String issues) {
        return update("status = :status, finishedAt = :finishedAt, provider = :provider, workerId = :workerId,"
                + " generationMs = :generationMs, validationMs = :validationMs, coverage = :coverage, issues = :issues"
                + " where runId = :runId and module = :module and attempt = :attempt",
                Parameters.with("status", status).and("finishedAt", finishedAt).and("provider", provider)
                        .and("workerId", workerId).and("generationMs", generationMs)
                        .and("validationMs", validationMs).and("coverage", coverage).and("issues", issues)
                        .and("runId", runId).and("module", module).and("attempt", attempt));
    }

    public Uni<List<ModuleAttempt>> forRun(UUID runId) {
        return find("runId", Sort.ascending("module", "attempt"), runId).list();
    }
}
