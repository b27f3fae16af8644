package dev.forgeline.orchestrator.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.Change;
import dev.forgeline.orchestrator.domain.ModuleState;
import dev.forgeline.orchestrator.domain.RunState;
import dev.forgeline.orchestrator.domain.Transition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The orchestrator's meters (DESIGN §11): runs submitted and finished by status, run duration, module duration by
 * module and outcome, attempts, outbox backlog and dead letters. Recorded from committed transitions only.
 */
@ApplicationScoped
public class RunMetrics {
    private final MeterRegistry registry;
    private final AtomicLong outboxBacklog = new AtomicLong();

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        // A strong reference: Micrometer's plain gauge holds its object weakly, and a gauge whose object was
        // collected disappears from the scrape (seen as a flaky metersMoveWithARun after Quarkus test restarts).
        Gauge.builder("forgeline.outbox.backlog", outboxBacklog, AtomicLong::get).strongReference(true)
                .description("outbox rows not yet published").register(registry);
    }

    public void submitted() {
        registry.counter("forgeline.runs.submitted").increment();
    }

    /** What a committed transition changed, against the state it was applied to (null for a new run). */
    public void transitioned(RunState before, Transition transition) {
        RunState after = transition.state();
        if (after.status.isTerminal() && (before == null || !before.status.isTerminal())) {
            registry.counter("forgeline.runs.finished", "status", after.status.name()).increment();
            if (after.createdAt != null && after.finishedAt != null) {
                registry.timer("forgeline.run.duration", "status", after.status.name())
                        .record(Duration.between(after.createdAt, after.finishedAt));
            }
        }
        for (ModuleState m : after.modules.values()) {
            ModuleState was = before == null ? null : before.module(m.module);
            if (m.status.isTerminal() && (was == null || !was.status.isTerminal()) && m.firstDispatchedAt != null
                    && m.finishedAt != null) {
                registry.timer("forgeline.module.duration", "module", m.module, "outcome", m.status.name())
                        .record(Duration.between(m.firstDispatchedAt, m.finishedAt));
            }
        }
        for (Change change : transition.changes()) {
            if (change instanceof Change.AttemptStarted started) {
                registry.counter("forgeline.module.attempts", "module", started.module()).increment();
            }
        }
    }

    public void outboxBacklog(long unpublished) {
        outboxBacklog.set(unpublished);
    }

    public void deadLettered(String topic) {
        registry.counter("forgeline.dead.letters", "topic", topic).increment();
    }
}
