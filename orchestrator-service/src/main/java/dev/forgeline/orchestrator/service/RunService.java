package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.contracts.spec.SpecValidator;
import dev.forgeline.contracts.spec.SpecViolation;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunPlan;
import dev.forgeline.orchestrator.domain.RunSummary;
import dev.forgeline.orchestrator.domain.Transition;
import dev.forgeline.orchestrator.messaging.RunMdc;
import dev.forgeline.orchestrator.messaging.RunTracing;
import dev.forgeline.orchestrator.repository.RunRepository;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackPlanner;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** Accepts specs: validates them, plans the module DAG, stores the run and dispatches its ready modules. */
@ApplicationScoped
public class RunService {
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final RunRepository runs;
    private final RunTransitions transitions;
    private final TenantQuotas quotas;
    private final StackCatalog stacks = StackCatalog.load();
    private final SpecValidator validator = new SpecValidator(stacks.names());

    private final RunTracing tracing;

    RunService(RunRepository runs, RunTransitions transitions, TenantQuotas quotas, RunTracing tracing) {
        this.runs = runs;
        this.transitions = transitions;
        this.quotas = quotas;
        this.tracing = tracing;
    }

    /** The run a submission produced, and whether it is new (false: an earlier one with the same key). */
    public record Submission(RunSummary run, boolean created) {
    }

    /**
     * Submits a spec as {@code caller}'s tenant. An Idempotency-Key already used by the tenant answers with that
     * run; a new run must fit the tenant's quotas (else nothing is stored).
     */
    public Uni<Submission> submit(byte[] body, String idempotencyKey, Principal caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new DomainException.Invalid("Idempotency-Key", "header.idempotency-key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        ProjectSpec spec = parseAndValidate(body);
        String canonical = Json.write(spec);
        if (idempotencyKey == null) {
            return create(spec, canonical, null, caller);
        }
        String tenant = caller.tenant();
        return Panache.withSession(() -> runs.findByIdempotencyKey(tenant, idempotencyKey))
                .chain(existing -> existing != null ? Uni.createFrom().item(replay(existing, canonical))
                        : create(spec, canonical, idempotencyKey, caller)
                                .onFailure(RunService::isUniqueViolation).recoverWithUni(
                                        () -> Panache.withSession(() -> runs.findByIdempotencyKey(tenant,
                                                idempotencyKey))
                                                .map(first -> replay(first, canonical))));
    }

    private ProjectSpec parseAndValidate(byte[] body) {
        SpecParser.Result parsed = SpecParser.parse(body);
        if (!parsed.ok()) {
            if (SpecParser.SIZE_RULE.equals(parsed.violations().get(0).rule())) {
                throw new DomainException.TooLarge(parsed.violations().get(0));
            }
            throw new DomainException.Invalid("the spec is not valid: " + parsed.violations().get(0).message(),
                    parsed.violations());
        }
        ProjectSpec spec = parsed.spec();
        List<SpecViolation> violations = new ArrayList<>(validator.validate(spec));
        if (violations.isEmpty()) {
            violations.addAll(StackPlanner.validate(stacks.get(spec.stack()), spec));
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid("the spec breaks " + violations.size() + " rule(s); first: "
                    + violations.get(0).path() + " " + violations.get(0).message(), violations);
        }
        return spec;
    }

    private static Submission replay(Run existing, String canonicalSpec) {
        if (!existing.spec.equals(canonicalSpec)) {
            throw new DomainException.Conflict("Idempotency-Key was already used for run " + existing.id
                    + " with a different spec");
        }
        return new Submission(RunSummary.of(existing), false);
    }

    private Uni<Submission> create(ProjectSpec spec, String canonicalSpec, String idempotencyKey, Principal caller) {
        RunPlan plan = new RunPlan(spec.stack(), spec, StackPlanner.plan(stacks.get(spec.stack()), spec));
        Transition created = transitions.machine().create(Ids.uuidV7(), plan, spec.name(), caller.tenant(),
                caller.actor(), Instant.now());
        // The run's trace starts here (under the HTTP request's span): its first commands are children of this span.
        RunMdc.put(created.state().id);
        Span span = tracing.submit(created.state().id);
        return transitions.create(created, canonicalSpec, idempotencyKey, caller.keyName(),
                        c -> quotas.check(c, caller.tenant()), RunTracing.traceParent(span))
                .map(t -> new Submission(RunSummary.of(t.state()), true))
                .onItemOrFailure().invoke((ok, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                    }
                    span.end();
                });
    }

    /** Whether a write lost to a concurrent one on a unique key (two submissions with one Idempotency-Key). */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    public static UUID parseRunId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("id", "id.format", "'" + id + "' is not a run id (a UUID)");
        }
    }
}
