package dev.forgeline.orchestrator.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.domain.ModuleAttempt;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunFileEntity;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.ModuleAttemptRepository;
import dev.forgeline.orchestrator.repository.RunFileRepository;
import dev.forgeline.orchestrator.repository.RunModuleRepository;
import dev.forgeline.orchestrator.repository.RunRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Read side of runs: details, lists and files. */
@ApplicationScoped
public class RunQueries {
    private final RunRepository runs;
    private final RunModuleRepository modules;
    private final ModuleAttemptRepository attempts;
    private final RunFileRepository files;

    RunQueries(RunRepository runs, RunModuleRepository modules, ModuleAttemptRepository attempts,
            RunFileRepository files) {
        this.runs = runs;
        this.modules = modules;
        this.attempts = attempts;
        this.files = files;
    }

    /** A run with its modules and attempts. */
    public record RunDetails(Run run, List<RunModule> modules, List<ModuleAttempt> attempts) {
    }

    /** A page of runs and the total matching the filter. */
    public record Page(List<Run> runs, long total) {
    }

    public Uni<RunDetails> details(UUID runId) {
        return Panache.withSession(() -> require(runId).chain(run -> modules.forRun(runId)
                .chain(ms -> attempts.forRun(runId).map(as -> new RunDetails(run, ms, as)))));
    }

    public Uni<Page> list(RunStatus status, int page, int size) {
        return Panache.withSession(() -> runs.list(status, page, size)
                .chain(list -> runs.countByStatus(status).map(total -> new Page(list, total))));
    }

    public Uni<RunFileEntity> file(UUID runId, String path) {
        return Panache.withSession(() -> require(runId).chain(run -> files.findByPath(runId, path)))
                .onItem().ifNull().failWith(() -> new DomainException.NotFound("run " + runId + " has no file " + path));
    }

    /** The run and all its validated files. */
    public Uni<RunWithFiles> files(UUID runId) {
        return Panache.withSession(() -> require(runId).chain(run -> files.forRun(runId)
                .map(fs -> new RunWithFiles(run, fs))));
    }

    /** A run and its files. */
    public record RunWithFiles(Run run, List<RunFileEntity> files) {
    }

    private Uni<Run> require(UUID runId) {
        return runs.findById(runId).onItem().ifNull().failWith(() -> new DomainException.NotFound("no run " + runId));
    }
}
