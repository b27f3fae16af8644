package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.contracts.spec.SpecValidator;
import dev.forgeline.contracts.spec.SpecViolation;
import dev.forgeline.orchestrator.api.ProblemException;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.RunModuleRepository;
import dev.forgeline.orchestrator.repository.RunRepository;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Accepts specs: validates them, plans the module DAG, stores the run and dispatches its ready modules. */
@ApplicationScoped
public class RunService {
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final OrchestratorConfig config;
    private final RunRepository runs;
    private final RunModuleRepository modules;
    private final RunProgress progress;
    private final RunEventRecorder events;
    private final OutboxTransactions transactions;
    private final StackCatalog stacks = StackCatalog.load();
    private final SpecValidator validator = new SpecValidator(stacks.names());

    RunService(OrchestratorConfig config, RunRepository runs, RunModuleRepository modules, RunProgress progress,
            RunEventRecorder events, OutboxTransactions transactions) {
        this.config = config;
        this.runs = runs;
        this.modules = modules;
        this.progress = progress;
        this.events = events;
        this.transactions = transactions;
    }

    /** The run a submission produced, and whether it is new (false: an earlier one with the same key). */
    public record Submission(Run run, boolean created) {
    }

    public Uni<Submission> submit(byte[] body, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ProblemException.badRequest("Idempotency-Key", "header.idempotency-key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        ProjectSpec spec = parseAndValidate(body);
        String canonical = Json.write(spec);
        if (idempotencyKey == null) {
            return create(spec, canonical, null);
        }
        return Panache.withSession(() -> runs.findByIdempotencyKey(idempotencyKey))
                .chain(existing -> existing != null ? Uni.createFrom().item(replay(existing, canonical))
                        : create(spec, canonical, idempotencyKey)
                                .onFailure(RunCoordinator::isConcurrentUpdate).recoverWithUni(
                                        () -> Panache.withSession(() -> runs.findByIdempotencyKey(idempotencyKey))
                                                .map(first -> replay(first, canonical))));
    }

    private ProjectSpec parseAndValidate(byte[] body) {
        SpecParser.Result parsed = SpecParser.parse(body);
        if (!parsed.ok()) {
            throw ProblemException.badRequest("the spec is not valid: " + parsed.violations().get(0).message(),
                    parsed.violations());
        }
        ProjectSpec spec = parsed.spec();
        List<SpecViolation> violations = new ArrayList<>(validator.validate(spec));
        if (violations.isEmpty()) {
            violations.addAll(StackPlanner.validate(stacks.get(spec.stack()), spec));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("the spec breaks " + violations.size() + " rule(s); first: "
                    + violations.get(0).path() + " " + violations.get(0).message(), violations);
        }
        return spec;
    }

    private static Submission replay(Run existing, String canonicalSpec) {
        if (!existing.spec.equals(canonicalSpec)) {
            throw ProblemException.conflict("Idempotency-Key was already used for run " + existing.id
                    + " with a different spec");
        }
        return new Submission(existing, false);
    }

    private Uni<Submission> create(ProjectSpec spec, String canonicalSpec, String idempotencyKey) {
        StackDefinition stack = stacks.get(spec.stack());
        List<ModulePlan> plans = StackPlanner.plan(stack, spec);
        Instant now = Instant.now();
        Run run = new Run();
        run.id = Ids.uuidV7();
        run.name = spec.name();
        run.stack = spec.stack();
        run.spec = canonicalSpec;
        run.status = RunStatus.QUEUED;
        run.idempotencyKey = idempotencyKey;
        run.createdAt = now;
        run.updatedAt = now;
        run.deadlineAt = now.plus(config.runDeadline());
        List<RunModule> rows = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            ModulePlan plan = plans.get(i);
            RunModule m = new RunModule();
            m.id = Ids.uuidV7();
            m.runId = run.id;
            m.module = plan.module();
            m.position = i;
            m.status = ModuleStatus.PENDING;
            m.critical = plan.critical();
            m.dependsOn = String.join(",", plan.dependsOn());
            m.plan = Json.write(plan);
            m.maxAttempts = config.maxAttempts();
            rows.add(m);
        }
        return transactions.commit(() -> runs.persist(run)
                        .chain(() -> modules.persist(rows))
                        .chain(() -> events.runChanged(run, now, "accepted: " + plans.size() + " modules"))
                        .chain(() -> progress.start(run, rows, now)))
                .replaceWith(new Submission(run, true));
    }

    public static UUID parseRunId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "id.format", "'" + id + "' is not a run id (a UUID)");
        }
    }
}
