package dev.forgeline.orchestrator.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.domain.ModuleAttempt;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunAuditEntry;
import dev.forgeline.orchestrator.domain.RunFileEntity;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.ModuleAttemptRepository;
import dev.forgeline.orchestrator.repository.RunAuditRepository;
import dev.forgeline.orchestrator.repository.RunFileRepository;
import dev.forgeline.orchestrator.repository.RunModuleRepository;
import dev.forgeline.orchestrator.repository.RunRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Read side of runs: details, lists and files, as a caller may see them. Another tenant's run is "no run", the
 * same answer as for an id that does not exist, so a caller cannot probe which ids exist.
 */
@ApplicationScoped
public class RunQueries {
    private final RunRepository runs;
    private final RunModuleRepository modules;
    private final ModuleAttemptRepository attempts;
    private final RunFileRepository files;
    private final RunAuditRepository audit;

    RunQueries(RunRepository runs, RunModuleRepository modules, ModuleAttemptRepository attempts,
            RunFileRepository files, RunAuditRepository audit) {
        this.runs = runs;
        this.modules = modules;
        this.attempts = attempts;
        this.files = files;
        this.audit = audit;
    }

    /** A run with its modules, attempts and audit trail. */
    public record RunDetails(Run run, List<RunModule> modules, List<ModuleAttempt> attempts,
            List<RunAuditEntry> audit) {
    }

    /** A page of runs and the total matching the filter. */
    public record Page(List<Run> runs, long total) {
    }

    public Uni<RunDetails> details(UUID runId, Principal caller) {
        return Panache.withSession(() -> require(runId, caller).chain(run -> modules.forRun(runId)
                .chain(ms -> attempts.forRun(runId)
                        .chain(as -> audit.forRun(runId).map(au -> new RunDetails(run, ms, as, au))))));
    }

    /** The caller's tenant's runs (every tenant's for an admin). */
    public Uni<Page> list(RunStatus status, int page, int size, Principal caller) {
        String tenant = caller.listScope();
        return Panache.withSession(() -> runs.list(status, tenant, page, size)
                .chain(list -> runs.count(status, tenant).map(total -> new Page(list, total))));
    }

    public Uni<RunFileEntity> file(UUID runId, String path, Principal caller) {
        return Panache.withSession(() -> require(runId, caller).chain(run -> files.findByPath(runId, path)))
                .onItem().ifNull().failWith(() -> new DomainException.NotFound("run " + runId + " has no file " + path));
    }

    /** The run and all its validated files. */
    public Uni<RunWithFiles> files(UUID runId, Principal caller) {
        return Panache.withSession(() -> require(runId, caller).chain(run -> files.forRun(runId)
                .map(fs -> new RunWithFiles(run, fs))));
    }

    /** The run if the caller may see it; else {@link DomainException.NotFound}, as for a run that does not exist. */
    public Uni<Run> visible(UUID runId, Principal caller) {
        return Panache.withSession(() -> require(runId, caller));
    }

    /** A run and its files. */
    public record RunWithFiles(Run run, List<RunFileEntity> files) {
    }

    private Uni<Run> require(UUID runId, Principal caller) {
        return runs.findById(runId).map(run -> run != null && caller.canSee(run.tenant) ? run : null)
                .onItem().ifNull().failWith(() -> new DomainException.NotFound("no run " + runId));
    }
}
