package dev.forgeline.orchestrator.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs reactive database work on a fresh, safe Vert.x duplicated context. Hibernate Reactive sessions are bound to
 * such a context; Kafka consumers, timers and scheduled sweeps do not always run on one.
 */
@ApplicationScoped
public class IsolatedContext {
    private final Vertx vertx;

    IsolatedContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                try {
                    work.get().subscribe().with(emitter::complete, emitter::fail);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }

    /** Runs the work once after the delay, on a safe context; failures are the work's to log. */
    public void runLater(long delayMillis, Supplier<Uni<?>> work) {
        vertx.setTimer(Math.max(1, delayMillis), id -> run(work::get).subscribe().with(x -> {
        }, e -> {
        }));
    }
}
