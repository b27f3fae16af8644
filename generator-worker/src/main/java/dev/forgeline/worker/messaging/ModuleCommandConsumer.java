package dev.forgeline.worker.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.worker.service.GenerationSlots;
import dev.forgeline.worker.service.TimeLimitedGeneration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes forgeline.module.commands: a malformed record fails (nack → the connector's dead-letter queue), a
 * well-formed one is admitted (at most {@code forgeline.worker.max-in-flight} held at once, the bound of the
 * {@value #POOL} pool), generated in a slot of its kind ({@link GenerationSlots}: template rendering and LLM calls
 * have separate limits), and acked only once its ModuleGenerated is acknowledged by Kafka. The pool thread only
 * parses and hands the command over, so commands waiting for an LLM never keep a template command from starting.
 */
@ApplicationScoped
public class ModuleCommandConsumer {
    /** The pool the consumer method runs on; its size (forgeline.worker.max-in-flight) bounds the commands held. */
    public static final String POOL = "forgeline-generation";

    private final TimeLimitedGeneration generation;
    private final GenerationSlots slots;
    private final ModuleGeneratedPublisher publisher;
    private final InFlightCommands inFlight;
    private final MeterRegistry registry;

    public ModuleCommandConsumer(TimeLimitedGeneration generation, GenerationSlots slots,
            ModuleGeneratedPublisher publisher, InFlightCommands inFlight, MeterRegistry registry) {
        this.generation = generation;
        this.slots = slots;
        this.publisher = publisher;
        this.inFlight = inFlight;
        this.registry = registry;
    }

    /**
     * Generates the command (in a slot of its kind, under the per-command timeout) and publishes the result. While
     * the worker shuts down a new command, or one still waiting for a slot, is released instead: its Uni never
     * completes, so the record is never acked and its offset never committed, and the consumer group redelivers it
     * to another worker.
     */
    @Incoming(Channels.MODULE_COMMANDS_IN)
    @Blocking(value = POOL, ordered = false)
    public Uni<Void> consume(String value) {
        GenerateModule command = parse(value);
        if (!inFlight.tryAdmit()) {
            Log.infof("shutting down: released %s unprocessed (not acknowledged; redelivered to another worker)",
                    command.commandId());
            return Uni.createFrom().nothing();
        }
        AtomicBoolean counted = new AtomicBoolean();
        CompletableFuture<ModuleGenerated> generated;
        try {
            generated = slots.submit(GenerationSlots.Kind.of(command), () -> generateInSlot(command, counted));
        } catch (RuntimeException e) {
            inFlight.finished();
            throw e;
        }
        return Uni.createFrom().completionStage(generated)
                .chain(result -> result == null ? Uni.createFrom().<Void>nothing() : publisher.publish(result))
                .onTermination().invoke(() -> {
                    if (counted.compareAndSet(false, true)) {
                        inFlight.finished();
                    }
                });
    }

    /** Runs in the slot: the result, or null when the command was released because the worker is draining. */
    private ModuleGenerated generateInSlot(GenerateModule command, AtomicBoolean counted) {
        if (inFlight.draining()) {
            if (counted.compareAndSet(false, true)) {
                inFlight.released();
            }
            Log.infof("shutting down: released %s before it started (not acknowledged; redelivered to another worker)",
                    command.commandId());
            return null;
        }
        inFlight.generationStarted();
        ModuleGenerated result;
        try {
            Timer.Sample sample = Timer.start(registry);
            result = generation.generate(command);
            sample.stop(registry.timer("forgeline.worker.generation", "provider", String.valueOf(result.provider()),
                    "outcome", result.outcome().name()));
        } finally {
            inFlight.generationEnded();
        }
        Log.infof("%s %s (attempt %d): %s, %d file(s) in %d ms", result.outcome(), command.module(), command.attempt(),
                command.commandId(), result.files().size(), result.durationMs());
        return result;
    }

    /** The command in a record value; a record that is not JSON or lacks runId, module or plan is poison. */
    public static GenerateModule parse(String value) {
        GenerateModule command = Json.read(value, GenerateModule.class);
        if (command == null) {
            throw new MalformedRecordException("GenerateModule: the record value is JSON null");
        }
        if (command.runId() == null) {
            throw new MalformedRecordException("GenerateModule: runId is missing");
        }
        if (command.module() == null || command.module().isBlank()) {
            throw new MalformedRecordException("GenerateModule: module is missing");
        }
        if (command.plan() == null) {
            throw new MalformedRecordException("GenerateModule: plan is missing");
        }
        return command;
    }
}
