package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.orchestrator.api.ProblemException;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.RunFileRepository;
import dev.forgeline.orchestrator.repository.RunModuleRepository;
import dev.forgeline.orchestrator.repository.RunRepository;
import io.smallrye.mutiny.Uni;

/**
 * Replay and cancel (DESIGN §5, §6). Replay re-dispatches failed, skipped and cancelled modules (or the named ones
 * and everything downstream of them) as new attempts, keeps validated ones, and ends with a fresh run validation.
 */
@ApplicationScoped
public class RunControl {
    private final OrchestratorConfig config;
    private final RunRepository runs;
    private final RunModuleRepository modules;
    private final RunFileRepository files;
    private final RunProgress progress;
    private final RunEventRecorder events;
    private final OutboxTransactions transactions;

    RunControl(OrchestratorConfig config, RunRepository runs, RunModuleRepository modules, RunFileRepository files,
            RunProgress progress, RunEventRecorder events, OutboxTransactions transactions) {
        this.config = config;
        this.runs = runs;
        this.modules = modules;
        this.files = files;
        this.progress = progress;
        this.events = events;
        this.transactions = transactions;
    }

    public Uni<Run> replay(UUID runId, List<String> named) {
        return transactions.commit(() -> require(runId).chain(run -> {
            if (!run.status.isTerminal()) {
                throw ProblemException.conflict("run " + runId + " is " + run.status
                        + "; only a finished run can be replayed");
            }
            return modules.forRun(runId).chain(all -> {
                Set<String> targets = targets(all, named);
                if (targets.isEmpty()) {
                    throw ProblemException.conflict("run " + runId + " has no failed, skipped or cancelled module to "
                            + "replay; name the modules to regenerate");
                }
                Instant now = Instant.now();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (RunModule m : all) {
                    if (targets.contains(m.module)) {
                        m.status = ModuleStatus.PENDING;
                        m.maxAttempts = m.attempt + config.maxAttempts();
                        m.reason = "replay requested";
                        m.validatedAt = null;
                        m.finishedAt = null;
                        m.nextAttemptAt = null;
                        m.leaseUntil = null;
                        m.fileCount = 0;
                        chain = chain.chain(() -> files.deleteForModule(runId, m.module).replaceWithVoid())
                                .chain(() -> events.moduleChanged(m, now, "replay requested"));
                    }
                }
                run.status = RunStatus.RUNNING;
                run.reason = null;
                run.successRate = null;
                run.report = null;
                run.finishedAt = null;
                run.updatedAt = now;
                run.deadlineAt = now.plus(config.runDeadline());
                return chain.chain(() -> events.runChanged(run, now, "replay of " + String.join(", ", targets)))
                        .chain(() -> progress.advance(run, all, now))
                        .replaceWith(run);
            });
        }));
    }

    public Uni<Run> cancel(UUID runId) {
        return transactions.commit(() -> require(runId).chain(run -> {
            if (run.status.isTerminal()) {
                throw ProblemException.conflict("run " + runId + " is already " + run.status);
            }
            return modules.forRun(runId).chain(all -> {
                Instant now = Instant.now();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (RunModule m : all) {
                    if (!m.status.isTerminal()) {
                        m.status = ModuleStatus.CANCELLED;
                        m.finishedAt = now;
                        m.leaseUntil = null;
                        m.nextAttemptAt = null;
                        m.reason = "run cancelled";
                        chain = chain.chain(() -> events.moduleChanged(m, now, m.reason));
                    }
                }
                RunStatus was = run.status;
                run.status = RunStatus.CANCELLED;
                run.reason = "CANCELLED: cancelled by request while " + was;
                run.finishedAt = now;
                run.updatedAt = now;
                return chain.chain(() -> events.runChanged(run, now, run.reason)).replaceWith(run);
            });
        }));
    }

    /** The named modules and everything downstream of them; by default the modules that did not pass. */
    static Set<String> targets(List<RunModule> all, List<String> named) {
        Set<String> targets = new LinkedHashSet<>();
        if (named == null || named.isEmpty()) {
            all.stream().filter(m -> m.status == ModuleStatus.FAILED || m.status == ModuleStatus.SKIPPED
                    || m.status == ModuleStatus.CANCELLED).forEach(m -> targets.add(m.module));
            return targets;
        }
        Set<String> known = new LinkedHashSet<>();
        all.forEach(m -> known.add(m.module));
        for (String name : named) {
            if (!known.contains(name)) {
                throw ProblemException.badRequest("modules", "module.unknown", "this run has no module '" + name
                        + "'; its modules are " + known);
            }
        }
        Deque<String> todo = new ArrayDeque<>(named);
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (targets.add(module)) {
                all.stream().filter(m -> m.dependencies().contains(module)).forEach(m -> todo.add(m.module));
            }
        }
        return targets;
    }

    private Uni<Run> require(UUID runId) {
        return runs.findById(runId).onItem().ifNull().failWith(() -> ProblemException.notFound("no run " + runId));
    }
}
