package dev.forgeline.orchestrator.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.Severity;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.domain.ModuleAttempt;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunFileEntity;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.ModuleAttemptRepository;
import dev.forgeline.orchestrator.repository.OutboxRepository;
import dev.forgeline.orchestrator.repository.RunFileRepository;
import dev.forgeline.orchestrator.repository.RunModuleRepository;
import dev.forgeline.orchestrator.repository.RunRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The run state machine (DESIGN §3): applies module and run verdicts, schedules retries, skips dependents of
 * failed modules, dispatches modules whose dependencies are validated, and starts the run validation once every
 * module is terminal. Every method runs inside the caller's transaction; duplicates and stale attempts are no-ops.
 */
@ApplicationScoped
public class RunProgress {
    private final OrchestratorConfig config;
    private final RunRepository runs;
    private final RunModuleRepository modules;
    private final ModuleAttemptRepository attempts;
    private final RunFileRepository files;
    private final OutboxRepository outbox;
    private final RunEventRecorder events;
    private final ModuleDispatcher dispatcher;

    RunProgress(OrchestratorConfig config, RunRepository runs, RunModuleRepository modules,
            ModuleAttemptRepository attempts, RunFileRepository files, OutboxRepository outbox,
            RunEventRecorder events, ModuleDispatcher dispatcher) {
        this.config = config;
        this.runs = runs;
        this.modules = modules;
        this.attempts = attempts;
        this.files = files;
        this.outbox = outbox;
        this.events = events;
        this.dispatcher = dispatcher;
    }

    /** What applying a record changed: whether it was applied and when the next retry of the run is due. */
    public record Applied(UUID runId, boolean applied, Instant nextRetryAt) {
        static Applied ignored(UUID runId) {
            return new Applied(runId, false, null);
        }
    }

    /** Moves a new run to RUNNING and dispatches its ready modules. */
    public Uni<Void> start(Run run, List<RunModule> all, Instant now) {
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        run.updatedAt = now;
        return events.runChanged(run, now, all.size() + " modules planned").chain(() -> advance(run, all, now));
    }

    public Uni<Applied> applyModuleValidated(ModuleValidated verdict) {
        Instant now = Instant.now();
        return runs.findById(verdict.runId()).chain(run -> {
            if (run == null || run.status != RunStatus.RUNNING) {
                Log.debugf("ignoring %s: run is %s", verdict.commandId(), run == null ? "unknown" : run.status);
                return Uni.createFrom().item(Applied.ignored(verdict.runId()));
            }
            return modules.forRun(run.id).chain(all -> {
                RunModule module = all.stream().filter(m -> m.module.equals(verdict.module())).findFirst().orElse(null);
                if (module == null || module.status != ModuleStatus.DISPATCHED || module.attempt != verdict.attempt()) {
                    Log.debugf("ignoring duplicate or stale %s (module is %s, attempt %s)", verdict.commandId(),
                            module == null ? "unknown" : module.status, module == null ? "-" : module.attempt);
                    return Uni.createFrom().item(Applied.ignored(run.id));
                }
                return recordAttempt(verdict, now)
                        .chain(() -> verdict.passed() ? accept(run, module, verdict, now)
                                : reject(module, verdict, now))
                        .chain(() -> advance(run, all, now))
                        .map(ignored -> new Applied(run.id, true, nextRetry(all)));
            });
        });
    }

    public Uni<Applied> applyRunValidated(RunValidated verdict) {
        Instant now = Instant.now();
        return runs.findById(verdict.runId()).chain(run -> {
            if (run == null || run.status != RunStatus.VALIDATING || run.validations != verdict.validation()) {
                Log.debugf("ignoring duplicate or stale %s", verdict.commandId());
                return Uni.createFrom().item(Applied.ignored(verdict.runId()));
            }
            run.status = verdict.passed() ? RunStatus.SUCCEEDED : RunStatus.FAILED;
            run.reason = verdict.reason();
            run.successRate = verdict.successRate();
            run.report = Json.write(verdict);
            run.finishedAt = now;
            run.updatedAt = now;
            return events.runChanged(run, now, verdict.reason()).replaceWith(new Applied(run.id, true, null));
        });
    }

    /** Dispatches due retries and replaces expired leases with new attempts. */
    public Uni<Applied> applyTimers(UUID runId) {
        Instant now = Instant.now();
        return runs.findById(runId).chain(run -> {
            if (run == null || run.status != RunStatus.RUNNING) {
                return Uni.createFrom().item(Applied.ignored(runId));
            }
            return modules.forRun(runId).chain(all -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (RunModule m : all) {
                    if (m.status == ModuleStatus.DISPATCHED && m.leaseUntil != null && m.leaseUntil.isBefore(now)) {
                        chain = chain.chain(() -> expireLease(run, m, all, now));
                    }
                }
                for (RunModule m : all) {
                    if (m.status == ModuleStatus.RETRY_SCHEDULED && !m.nextAttemptAt.isAfter(now)) {
                        chain = chain.chain(() -> dispatcher.dispatch(run, m, all, now));
                    }
                }
                return chain.chain(() -> advance(run, all, now)).map(x -> new Applied(runId, true, nextRetry(all)));
            });
        });
    }

    /** Ends a run that passed its deadline: TIMED_OUT, its unfinished modules CANCELLED. */
    public Uni<Boolean> timeOut(UUID runId) {
        Instant now = Instant.now();
        return runs.findById(runId).chain(run -> {
            if (run == null || run.status.isTerminal() || run.deadlineAt.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            return modules.forRun(runId).chain(all -> {
                List<String> unfinished = all.stream().filter(m -> !m.status.isTerminal())
                        .map(m -> m.module + " " + m.status).toList();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (RunModule m : all) {
                    if (!m.status.isTerminal()) {
                        m.status = ModuleStatus.CANCELLED;
                        m.finishedAt = now;
                        m.reason = "run deadline passed";
                        chain = chain.chain(() -> events.moduleChanged(m, now, m.reason));
                    }
                }
                RunStatus was = run.status;
                run.status = RunStatus.TIMED_OUT;
                run.reason = "TIMED_OUT: the run was still " + was + " at its deadline (" + run.deadlineAt + ")"
                        + (unfinished.isEmpty() ? "" : "; unfinished modules: " + String.join(", ", unfinished));
                run.finishedAt = now;
                run.updatedAt = now;
                return chain.chain(() -> events.runChanged(run, now, run.reason)).replaceWith(true);
            });
        });
    }

    private Uni<Void> recordAttempt(ModuleValidated verdict, Instant now) {
        return attempts.recordVerdict(verdict.runId(), verdict.module(), verdict.attempt(),
                verdict.passed() ? ModuleAttempt.PASSED : ModuleAttempt.REJECTED, now, verdict.provider(),
                verdict.workerId(), verdict.generationMs(), verdict.durationMs(), verdict.coverage(),
                Json.write(verdict.issues())).replaceWithVoid();
    }

    private Uni<Void> accept(Run run, RunModule module, ModuleValidated verdict, Instant now) {
        List<String> paths = verdict.files().stream().map(GeneratedFile::path).toList();
        return files.withPaths(run.id, paths).chain(existing -> {
            List<String> conflicts = existing.stream().filter(f -> !f.module.equals(module.module))
                    .map(f -> f.path + " (already written by " + f.module + ")").toList();
            module.coverage = verdict.coverage();
            module.issues = Json.write(verdict.issues());
            if (!conflicts.isEmpty()) {
                module.status = ModuleStatus.FAILED;
                module.finishedAt = now;
                module.fileCount = verdict.files().size();
                module.reason = "path conflict: " + String.join(", ", conflicts);
                return events.moduleChanged(module, now, module.reason);
            }
            List<RunFileEntity> rows = new ArrayList<>();
            for (GeneratedFile f : verdict.files()) {
                RunFileEntity row = new RunFileEntity();
                row.id = Ids.uuidV7();
                row.runId = run.id;
                row.module = module.module;
                row.path = f.path();
                row.content = f.content();
                row.sha256 = f.sha256();
                row.sizeBytes = f.sizeBytes();
                rows.add(row);
            }
            module.status = ModuleStatus.VALIDATED;
            module.validatedAt = now;
            module.finishedAt = now;
            module.fileCount = rows.size();
            module.reason = null;
            module.leaseUntil = null;
            // A module is accepted once per validation cycle; a replay deletes its files before re-dispatching it.
            return files.persist(rows)
                    .chain(() -> events.moduleChanged(module, now, "attempt " + module.attempt + " validated, "
                            + rows.size() + " files"));
        });
    }

    private Uni<Void> reject(RunModule module, ModuleValidated verdict, Instant now) {
        module.coverage = verdict.coverage();
        module.issues = Json.write(verdict.issues());
        module.fileCount = verdict.files().size();
        module.leaseUntil = null;
        String summary = summarize(verdict.issues());
        if (verdict.retryable() && module.attempt < module.maxAttempts) {
            module.status = ModuleStatus.RETRY_SCHEDULED;
            module.nextAttemptAt = now.plus(backoff(module.attempt));
            module.reason = "attempt " + module.attempt + " rejected: " + summary;
            return events.moduleChanged(module, now, module.reason + "; next attempt at " + module.nextAttemptAt);
        }
        module.status = ModuleStatus.FAILED;
        module.finishedAt = now;
        module.reason = (verdict.retryable() ? "attempts spent (" + module.attempt + "/" + module.maxAttempts + "): "
                : "not retryable: ") + summary;
        return events.moduleChanged(module, now, module.reason);
    }

    private Uni<Void> expireLease(Run run, RunModule module, List<RunModule> all, Instant now) {
        return attempts.find(run.id, module.module, module.attempt).chain(attempt -> {
            if (attempt != null) {
                attempt.status = ModuleAttempt.EXPIRED;
                attempt.finishedAt = now;
            }
            if (module.attempt < module.maxAttempts) {
                module.reason = "attempt " + module.attempt + " got no result within " + config.moduleLease();
                return dispatcher.dispatch(run, module, all, now);
            }
            module.status = ModuleStatus.FAILED;
            module.finishedAt = now;
            module.leaseUntil = null;
            module.reason = "attempts spent (" + module.attempt + "/" + module.maxAttempts
                    + "): no result within the lease of " + config.moduleLease();
            return events.moduleChanged(module, now, module.reason);
        });
    }

    /**
     * Skips modules whose dependency can no longer pass, dispatches those whose dependencies are all validated,
     * and starts the run validation once every module is terminal.
     */
    Uni<Void> advance(Run run, List<RunModule> all, Instant now) {
        Map<String, RunModule> byName = all.stream().collect(Collectors.toMap(m -> m.module, Function.identity()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RunModule m : all) {
                if (m.status != ModuleStatus.PENDING) {
                    continue;
                }
                RunModule blocker = m.dependencies().stream().map(byName::get)
                        .filter(d -> d != null && Set.of(ModuleStatus.FAILED, ModuleStatus.SKIPPED,
                                ModuleStatus.CANCELLED).contains(d.status))
                        .findFirst().orElse(null);
                if (blocker != null) {
                    m.status = ModuleStatus.SKIPPED;
                    m.finishedAt = now;
                    m.reason = "dependency " + blocker.module + " " + blocker.status;
                    chain = chain.chain(() -> events.moduleChanged(m, now, m.reason));
                    changed = true;
                }
            }
        }
        // Critical path first: the module with the longest chain of dependents is published, generated and
        // validated first, so the chain that bounds the run's latency starts as early as possible.
        Map<String, Integer> depth = downstreamDepth(all);
        List<RunModule> ready = all.stream()
                .filter(m -> m.status == ModuleStatus.PENDING && m.dependencies().stream()
                        .allMatch(d -> byName.containsKey(d) && byName.get(d).status == ModuleStatus.VALIDATED))
                .sorted(java.util.Comparator.comparing((RunModule m) -> -depth.get(m.module))
                        .thenComparingInt(m -> m.position))
                .toList();
        for (RunModule m : ready) {
            chain = chain.chain(() -> dispatcher.dispatch(run, m, all, now));
        }
        return chain.chain(() -> {
            boolean allTerminal = all.stream().allMatch(m -> m.status.isTerminal());
            return allTerminal && run.status == RunStatus.RUNNING ? startValidation(run, all, now)
                    : Uni.createFrom().voidItem();
        });
    }

    /** For each module, the length of the longest chain of modules that (transitively) depend on it. */
    static Map<String, Integer> downstreamDepth(List<RunModule> all) {
        Map<String, Integer> depth = new java.util.HashMap<>();
        for (RunModule m : all) {
            depthOf(m.module, all, depth);
        }
        return depth;
    }

    private static int depthOf(String module, List<RunModule> all, Map<String, Integer> memo) {
        Integer known = memo.get(module);
        if (known != null) {
            return known;
        }
        int deepest = 0;
        for (RunModule m : all) {
            if (m.dependencies().contains(module)) {
                deepest = Math.max(deepest, 1 + depthOf(m.module, all, memo));
            }
        }
        memo.put(module, deepest);
        return deepest;
    }

    private Uni<Void> startValidation(Run run, List<RunModule> all, Instant now) {
        run.status = RunStatus.VALIDATING;
        run.validations += 1;
        run.updatedAt = now;
        long validated = all.stream().filter(m -> m.status == ModuleStatus.VALIDATED).count();
        return events.runChanged(run, now, validated + "/" + all.size() + " modules validated; validating the run")
                .chain(() -> files.contentsOf(run.id))
                .chain(finalFiles -> {
                    List<ModuleOutcome> outcomes = all.stream().map(m -> new ModuleOutcome(m.module, m.status,
                            m.critical, m.attempt, JsonColumns.plan(m.plan).criticalPaths(), m.fileCount, m.reason))
                            .toList();
                    ValidateRun command = new ValidateRun(run.id + "/validate/" + run.validations, run.id,
                            run.validations, run.stack, outcomes, finalFiles);
                    return outbox.enqueue(run.id, Topics.RUN_COMMANDS, run.id.toString(),
                            CloudEventTypes.VALIDATE_RUN, command);
                })
                .replaceWithVoid();
    }

    Duration backoff(int attemptJustFailed) {
        double factor = Math.pow(config.backoffMultiplier(), Math.max(0, attemptJustFailed - 1));
        return Duration.ofMillis(Math.round(config.initialBackoff().toMillis() * factor));
    }

    private static Instant nextRetry(List<RunModule> all) {
        return all.stream().filter(m -> m.status == ModuleStatus.RETRY_SCHEDULED && m.nextAttemptAt != null)
                .map(m -> m.nextAttemptAt).min(Instant::compareTo).orElse(null);
    }

    static String summarize(List<ValidationIssue> issues) {
        List<ValidationIssue> errors = issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return "rejected without error issues";
        }
        String first = errors.stream().limit(3)
                .map(i -> i.rule() + (i.path() == null ? "" : " " + i.path() + (i.line() == null ? "" : ":" + i.line()))
                        + ": " + i.message())
                .collect(Collectors.joining("; "));
        return errors.size() > 3 ? first + " (+" + (errors.size() - 3) + " more)" : first;
    }
}
