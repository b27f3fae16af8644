package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunActor;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.Severity;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * The run state machine (DESIGN §3), pure: every transition is a function of a loaded {@link RunState} and a
 * {@link RunInput}, returning the new state, the row changes and the records to emit. The input state is never
 * changed. Duplicates, stale attempts and verdicts for runs that moved on are ignored.
 */
public final class RunMachine {
    private static final Set<ModuleStatus> BLOCKING = Set.of(ModuleStatus.FAILED, ModuleStatus.SKIPPED,
            ModuleStatus.CANCELLED);

    private final RunRules rules;

    public RunMachine(RunRules rules) {
        this.rules = rules;
    }

    /** A new run from a validated spec and its plans: QUEUED, then RUNNING with its ready modules dispatched. */
    public Transition create(UUID runId, RunPlan plan, String name, Instant now) {
        return create(runId, plan, name, Principal.ADMIN_TENANT, null, now);
    }

    /** A new run of {@code tenant}, submitted by {@code actor} (recorded in the audit and on its first events). */
    public Transition create(UUID runId, RunPlan plan, String name, String tenant, RunActor actor, Instant now) {
        RunState run = new RunState();
        run.id = runId;
        run.name = name;
        run.tenant = tenant;
        run.submittedBy = actor == null ? null : actor.keyName();
        run.plan = plan;
        run.status = RunStatus.QUEUED;
        run.createdAt = now;
        run.updatedAt = now;
        run.deadlineAt = now.plus(rules.runDeadline());
        List<ModulePlan> plans = plan.plans();
        for (int i = 0; i < plans.size(); i++) {
            ModuleState m = new ModuleState();
            m.module = plans.get(i).module();
            m.position = i;
            m.critical = plans.get(i).critical();
            m.status = ModuleStatus.PENDING;
            m.maxAttempts = rules.maxAttempts();
            run.modules.put(m.module, m);
        }
        Work w = new Work(run, now);
        w.audit("SUBMITTED", actor);
        w.runChanged("accepted: " + plans.size() + " modules");
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        w.runChanged(plans.size() + " modules planned");
        w.advance();
        return w.done();
    }

    /** Applies one input to the run {@code runId}; {@code state} is null when the run does not exist. */
    public Transition apply(UUID runId, RunState state, RunInput input) {
        if (state == null) {
            if (input instanceof RunInput.Replay || input instanceof RunInput.Cancel) {
                throw new DomainException.NotFound("no run " + runId);
            }
            return Transition.ignored(null);
        }
        if (input instanceof RunInput.ModuleVerdict v) {
            return moduleVerdict(state, v.verdict(), v.at());
        } else if (input instanceof RunInput.RunVerdict v) {
            return runVerdict(state, v.verdict(), v.at());
        } else if (input instanceof RunInput.Timers t) {
            return timers(state, t.at());
        } else if (input instanceof RunInput.Deadline d) {
            return deadline(state, d.at());
        } else if (input instanceof RunInput.Replay r) {
            return replay(state, r.modules(), r.actor(), r.at());
        } else if (input instanceof RunInput.Cancel c) {
            return cancel(state, c.actor(), c.at());
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    private Transition moduleVerdict(RunState state, ModuleValidated verdict, Instant now) {
        if (state.status != RunStatus.RUNNING) {
            return Transition.ignored(state);
        }
        ModuleState current = state.module(verdict.module());
        if (current == null || current.status != ModuleStatus.DISPATCHED || current.attempt != verdict.attempt()) {
            return Transition.ignored(state);
        }
        Work w = new Work(state.copy(), now);
        ModuleState m = w.run.module(verdict.module());
        w.changes.add(new Change.AttemptJudged(verdict,
                verdict.passed() ? AttemptStatus.PASSED : AttemptStatus.REJECTED, now));
        m.coverage = verdict.coverage();
        m.issues = Json.write(verdict.issues());
        m.leaseUntil = null;
        if (verdict.passed()) {
            w.accept(m, verdict);
        } else {
            w.reject(m, verdict);
        }
        w.advance();
        return w.done();
    }

    private Transition runVerdict(RunState state, RunValidated verdict, Instant now) {
        if (state.status != RunStatus.VALIDATING || state.validations != verdict.validation()) {
            return Transition.ignored(state);
        }
        Work w = new Work(state.copy(), now);
        w.run.status = verdict.passed() ? RunStatus.SUCCEEDED : RunStatus.FAILED;
        w.run.reason = verdict.reason();
        w.run.successRate = verdict.successRate();
        w.run.report = Json.write(verdict);
        w.run.finishedAt = now;
        w.runChanged(verdict.reason());
        return w.done();
    }

    private Transition timers(RunState state, Instant now) {
        if (state.status != RunStatus.RUNNING) {
            return Transition.ignored(state);
        }
        Work w = new Work(state.copy(), now);
        List<ModuleState> due = new ArrayList<>();
        for (ModuleState m : w.run.moduleList()) {
            if (m.status == ModuleStatus.DISPATCHED && m.leaseUntil != null && m.leaseUntil.isBefore(now)) {
                w.expireLease(m);
            } else if (m.status == ModuleStatus.RETRY_SCHEDULED && !m.nextAttemptAt.isAfter(now)) {
                due.add(m);
            }
        }
        due.forEach(w::dispatch);
        if (w.outgoing.isEmpty()) {
            return Transition.ignored(state);
        }
        w.advance();
        return w.done();
    }

    private Transition deadline(RunState state, Instant now) {
        if (state.status.isTerminal() || state.deadlineAt.isAfter(now)) {
            return Transition.ignored(state);
        }
        Work w = new Work(state.copy(), now);
        List<String> unfinished = w.run.modules.values().stream().filter(m -> !m.status.isTerminal())
                .map(m -> m.module + " " + m.status).toList();
        w.endUnfinished(ModuleStatus.CANCELLED, "run deadline passed");
        RunStatus was = w.run.status;
        w.run.status = RunStatus.TIMED_OUT;
        w.run.reason = "TIMED_OUT: the run was still " + was + " at its deadline (" + w.run.deadlineAt + ")"
                + (unfinished.isEmpty() ? "" : "; unfinished modules: " + String.join(", ", unfinished));
        w.run.finishedAt = now;
        w.runChanged(w.run.reason);
        return w.done();
    }

    private Transition replay(RunState state, List<String> named, RunActor actor, Instant now) {
        if (!state.status.isTerminal()) {
            throw new DomainException.Conflict("run " + state.id + " is " + state.status
                    + "; only a finished run can be replayed");
        }
        Set<String> targets = replayTargets(state, named);
        if (targets.isEmpty()) {
            throw new DomainException.Conflict("run " + state.id + " has no failed, skipped or cancelled module to "
                    + "replay; name the modules to regenerate");
        }
        Work w = new Work(state.copy(), now);
        w.audit("REPLAYED", actor);
        for (ModuleState m : w.run.moduleList()) {
            if (targets.contains(m.module)) {
                m.status = ModuleStatus.PENDING;
                m.maxAttempts = m.attempt + rules.maxAttempts();
                m.reason = "replay requested";
                m.validatedAt = null;
                m.finishedAt = null;
                m.nextAttemptAt = null;
                m.leaseUntil = null;
                m.fileCount = 0;
                w.run.fileOwners.values().removeIf(m.module::equals);
                w.run.moduleBytes.remove(m.module);
                w.changes.add(new Change.FilesDeleted(m.module));
                w.moduleChanged(m, "replay requested");
            }
        }
        w.run.status = RunStatus.RUNNING;
        w.run.reason = null;
        w.run.successRate = null;
        w.run.report = null;
        w.run.finishedAt = null;
        w.run.deadlineAt = now.plus(rules.runDeadline());
        w.runChanged("replay of " + String.join(", ", targets));
        w.advance();
        return w.done();
    }

    /** The named modules and everything downstream of them; by default the modules that did not pass. */
    static Set<String> replayTargets(RunState state, List<String> named) {
        if (named == null || named.isEmpty()) {
            return state.modules.values().stream().filter(m -> BLOCKING.contains(m.status)).map(m -> m.module)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        for (String name : named) {
            if (!state.modules.containsKey(name)) {
                throw new DomainException.Invalid("modules", "module.unknown", "this run has no module '" + name
                        + "'; its modules are " + state.modules.keySet());
            }
        }
        return state.plan.graph().withDownstream(named);
    }

    private Transition cancel(RunState state, RunActor actor, Instant now) {
        if (state.status.isTerminal()) {
            throw new DomainException.Conflict("run " + state.id + " is already " + state.status);
        }
        Work w = new Work(state.copy(), now);
        w.audit("CANCELLED", actor);
        w.endUnfinished(ModuleStatus.CANCELLED, "run cancelled");
        RunStatus was = w.run.status;
        w.run.status = RunStatus.CANCELLED;
        w.run.reason = "CANCELLED: cancelled by request while " + was;
        w.run.finishedAt = now;
        w.runChanged(w.run.reason);
        return w.done();
    }

    /** The first few error issues of a rejection, as one line. */
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

    /** One transition in progress: the machine's own copy of the run and what it has emitted so far. */
    private final class Work {
        final RunState run;
        final Instant now;
        final List<Change> changes = new ArrayList<>();
        final List<Outgoing> outgoing = new ArrayList<>();
        /** Who caused this transition (submit, replay, cancel), carried on its events; null for the system. */
        RunActor actor;

        Work(RunState run, Instant now) {
            this.run = run;
            this.now = now;
        }

        void audit(String action, RunActor by) {
            if (by != null) {
                actor = by;
                changes.add(new Change.Audited(action, by, now));
            }
        }

        Transition done() {
            run.updatedAt = now;
            return new Transition(run, true, List.copyOf(changes), List.copyOf(outgoing));
        }

        void runChanged(String detail) {
            outgoing.add(new Outgoing.Event(new RunEvent(Ids.uuidV7(), run.id, RunEventType.RUN_STATUS_CHANGED, null,
                    null, run.status.name(), now, detail, run.tenant, actor)));
        }

        void moduleChanged(ModuleState m, String detail) {
            outgoing.add(new Outgoing.Event(new RunEvent(Ids.uuidV7(), run.id, RunEventType.MODULE_STATUS_CHANGED,
                    m.module, m.attempt == 0 ? null : m.attempt, m.status.name(), now, detail, run.tenant, actor)));
        }

        void accept(ModuleState m, ModuleValidated verdict) {
            List<String> conflicts = new ArrayList<>();
            for (GeneratedFile f : verdict.files()) {
                String owner = run.fileOwners.get(f.path());
                if (owner != null && !owner.equals(m.module)) {
                    conflicts.add(f.path() + " (already written by " + owner + ")");
                }
            }
            long incoming = verdict.files().stream().mapToLong(GeneratedFile::sizeBytes).sum();
            long others = run.moduleBytes.entrySet().stream().filter(e -> !e.getKey().equals(m.module))
                    .mapToLong(Map.Entry::getValue).sum();
            m.fileCount = verdict.files().size();
            m.finishedAt = now;
            if (!conflicts.isEmpty()) {
                m.status = ModuleStatus.FAILED;
                m.reason = "path conflict: " + String.join(", ", conflicts);
                moduleChanged(m, m.reason);
                return;
            }
            if (others + incoming > SizeLimits.MAX_RUN_BYTES) {
                // Not retryable: a new attempt of the same plan generates the same size again.
                m.status = ModuleStatus.FAILED;
                m.reason = "run size limit: its " + incoming + " bytes of files would bring the run to "
                        + (others + incoming) + " bytes; the limit is " + SizeLimits.MAX_RUN_BYTES + " bytes";
                moduleChanged(m, m.reason);
                return;
            }
            m.status = ModuleStatus.VALIDATED;
            m.validatedAt = now;
            m.reason = null;
            verdict.files().forEach(f -> run.fileOwners.put(f.path(), m.module));
            run.moduleBytes.put(m.module, incoming);
            changes.add(new Change.FilesAccepted(m.module, verdict.files()));
            moduleChanged(m, "attempt " + m.attempt + " validated, " + verdict.files().size() + " files");
        }

        void reject(ModuleState m, ModuleValidated verdict) {
            m.fileCount = verdict.files().size();
            String summary = summarize(verdict.issues());
            if (verdict.retryable() && m.attempt < m.maxAttempts) {
                m.status = ModuleStatus.RETRY_SCHEDULED;
                m.nextAttemptAt = now.plus(rules.backoff(m.attempt));
                m.reason = "attempt " + m.attempt + " rejected: " + summary;
                moduleChanged(m, m.reason + "; next attempt at " + m.nextAttemptAt);
                return;
            }
            m.status = ModuleStatus.FAILED;
            m.finishedAt = now;
            m.reason = (verdict.retryable() ? "attempts spent (" + m.attempt + "/" + m.maxAttempts + "): "
                    : "not retryable: ") + summary;
            moduleChanged(m, m.reason);
        }

        void expireLease(ModuleState m) {
            changes.add(new Change.AttemptExpired(m.module, m.attempt, now));
            if (m.attempt < m.maxAttempts) {
                m.reason = "attempt " + m.attempt + " got no result within " + rules.moduleLease();
                dispatch(m);
                return;
            }
            m.status = ModuleStatus.FAILED;
            m.finishedAt = now;
            m.leaseUntil = null;
            m.reason = "attempts spent (" + m.attempt + "/" + m.maxAttempts + "): no result within the lease of "
                    + rules.moduleLease();
            moduleChanged(m, m.reason);
        }

        void endUnfinished(ModuleStatus status, String reason) {
            for (ModuleState m : run.moduleList()) {
                if (!m.status.isTerminal()) {
                    m.status = status;
                    m.finishedAt = now;
                    m.leaseUntil = null;
                    m.nextAttemptAt = null;
                    m.reason = reason;
                    moduleChanged(m, reason);
                }
            }
        }

        /** Starts a new attempt: DISPATCHED with a lease, the attempt appended, a GenerateModule emitted. */
        void dispatch(ModuleState m) {
            List<ValidationIssue> previousIssues = IssuesJson.read(m.issues);
            m.attempt += 1;
            m.status = ModuleStatus.DISPATCHED;
            m.dispatchedAt = now;
            if (m.firstDispatchedAt == null) {
                m.firstDispatchedAt = now;
            }
            m.leaseUntil = now.plus(rules.moduleLease());
            m.nextAttemptAt = null;
            String commandId = Ids.commandId(run.id, m.module, m.attempt);
            changes.add(new Change.AttemptStarted(m.module, m.attempt, commandId, now));
            RunPlan plan = run.plan;
            Instant deadline = m.leaseUntil.isBefore(run.deadlineAt) ? m.leaseUntil : run.deadlineAt;
            GenerateModule command = new GenerateModule(commandId, run.id, m.module, m.attempt, plan.stack(),
                    plan.spec(), plan.plan(m.module), List.of(), plan.spec().generatorOrDefault(), previousIssues,
                    deadline, now, plan.runPaths());
            // Templates render every planned file from the spec alone and read no upstream file, while an LLM reads
            // the upstream code it builds on; shipping those contents to template workers would only cost bytes.
            outgoing.add(new Outgoing.Generate(command,
                    plan.readsUpstream() ? plan.graph().upstreamOf(m.module) : Set.of()));
            moduleChanged(m, "attempt " + m.attempt + " of " + m.maxAttempts + " dispatched");
        }

        /**
         * Skips modules whose dependency can no longer pass, dispatches those whose dependencies are all validated
         * (critical path first), and starts the run validation once every module is terminal.
         */
        void advance() {
            RunGraph graph = run.plan.graph();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (ModuleState m : run.moduleList()) {
                    if (m.status != ModuleStatus.PENDING) {
                        continue;
                    }
                    ModuleState blocker = graph.dependenciesOf(m.module).stream().map(run::module)
                            .filter(d -> d != null && BLOCKING.contains(d.status)).findFirst().orElse(null);
                    if (blocker != null) {
                        m.status = ModuleStatus.SKIPPED;
                        m.finishedAt = now;
                        m.reason = "dependency " + blocker.module + " " + blocker.status;
                        moduleChanged(m, m.reason);
                        changed = true;
                    }
                }
            }
            // Critical path first: the module with the longest chain of dependents is published, generated and
            // validated first, so the chain that bounds the run's latency starts as early as possible.
            run.moduleList().stream()
                    .filter(m -> m.status == ModuleStatus.PENDING && graph.dependenciesOf(m.module).stream()
                            .allMatch(d -> run.module(d) != null && run.module(d).status == ModuleStatus.VALIDATED))
                    .sorted(Comparator.comparingInt((ModuleState m) -> -graph.downstreamDepth(m.module))
                            .thenComparingInt(m -> m.position))
                    .forEach(this::dispatch);
            if (run.status == RunStatus.RUNNING && run.modules.values().stream().allMatch(m -> m.status.isTerminal())) {
                startValidation();
            }
        }

        void startValidation() {
            run.status = RunStatus.VALIDATING;
            run.validations += 1;
            long validated = run.modules.values().stream().filter(m -> m.status == ModuleStatus.VALIDATED).count();
            runChanged(validated + "/" + run.modules.size() + " modules validated; validating the run");
            List<ModuleOutcome> outcomes = run.modules.values().stream().map(m -> new ModuleOutcome(m.module,
                    m.status, m.critical, m.attempt, run.plan.plan(m.module).criticalPaths(), m.fileCount, m.reason))
                    .toList();
            outgoing.add(new Outgoing.Validate(new ValidateRun(run.id + "/validate/" + run.validations, run.id,
                    run.validations, run.plan.stack(), outcomes, List.of())));
        }
    }
}
