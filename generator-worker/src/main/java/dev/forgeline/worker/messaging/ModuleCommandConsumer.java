package dev.forgeline.worker.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.TraceHeaders;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.worker.service.GenerationSlots;
import dev.forgeline.worker.service.TimeLimitedGeneration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

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
    /** The logging context key of the run id (shown by the console pattern, a field of the JSON logs). */
    public static final String RUN_ID = "runId";

    private final TimeLimitedGeneration generation;
    private final GenerationSlots slots;
    private final ModuleGeneratedPublisher publisher;
    private final InFlightCommands inFlight;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final RecentCommands recent;

    public ModuleCommandConsumer(TimeLimitedGeneration generation, GenerationSlots slots,
            ModuleGeneratedPublisher publisher, InFlightCommands inFlight, MeterRegistry registry, Tracer tracer,
            RecentCommands recent) {
        this.generation = generation;
        this.slots = slots;
        this.publisher = publisher;
        this.inFlight = inFlight;
        this.registry = registry;
        this.tracer = tracer;
        this.recent = recent;
    }

    /**
     * Generates the command (in a slot of its kind, under the per-command timeout) and publishes the result. While
     * the worker shuts down a new command, or one still waiting for a slot, is released instead: its Uni never
     * completes, so the record is never acked and its offset never committed, and the consumer group redelivers it
     * to another worker.
     */
    @Incoming(Channels.MODULE_COMMANDS_IN)
    @Blocking(value = POOL, ordered = false)
    public Uni<Void> consume(String value, IncomingKafkaRecordMetadata<String, String> metadata) {
        return consume(value, metadata == null ? null : metadata.getHeaders());
    }

    /**
     * As above, in the run's trace its headers carry: the generation is a consumer span (parent of the LLM calls),
     * and the ModuleGenerated goes out as its child. The log lines carry the run id (MDC runId).
     */
    Uni<Void> consume(String value, Headers headers) {
        GenerateModule command = parse(value);
        MDC.put(RUN_ID, command.runId().toString());
        try {
            return admitted(command, headers);
        } finally {
            MDC.remove(RUN_ID);
        }
    }

    private Uni<Void> admitted(GenerateModule command, Headers headers) {
        if (!recent.firstDelivery(command.commandId())) {
            Log.infof("%s delivered again while held or already answered by this worker: acknowledged, not generated"
                    + " again", command.commandId());
            registry.counter("forgeline.worker.commands.repeated").increment();
            return Uni.createFrom().voidItem();
        }
        if (!inFlight.tryAdmit()) {
            recent.unanswered(command.commandId());
            Log.infof("shutting down: released %s unprocessed (not acknowledged; redelivered to another worker)",
                    command.commandId());
            return Uni.createFrom().nothing();
        }
        Span span = tracer.spanBuilder("generate " + command.module()).setParent(TraceHeaders.extract(headers))
                .setSpanKind(SpanKind.CONSUMER).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", Topics.MODULE_COMMANDS)
                .setAttribute("forgeline.run.id", command.runId().toString())
                .setAttribute("forgeline.module", command.module())
                .setAttribute("forgeline.attempt", command.attempt()).startSpan();
        AtomicBoolean counted = new AtomicBoolean();
        CompletableFuture<ModuleGenerated> generated;
        try {
            generated = slots.submit(GenerationSlots.Kind.of(command), () -> generateInSlot(command, span, counted));
        } catch (RuntimeException e) {
            inFlight.finished();
            recent.unanswered(command.commandId());
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            span.end();
            throw e;
        }
        return Uni.createFrom().completionStage(generated)
                .chain(result -> result == null ? Uni.createFrom().<Void>nothing()
                        : publisher.publish(result, Context.root().with(span)))
                .onFailure().invoke(e -> {
                    recent.unanswered(command.commandId());
                    span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
                })
                .onTermination().invoke(() -> {
                    if (counted.compareAndSet(false, true)) {
                        inFlight.finished();
                    }
                    span.end();
                });
    }

    /** Runs in the slot: the result, or null when the command was released because the worker is draining. */
    private ModuleGenerated generateInSlot(GenerateModule command, Span span, AtomicBoolean counted) {
        if (inFlight.draining()) {
            if (counted.compareAndSet(false, true)) {
                inFlight.released();
            }
            recent.unanswered(command.commandId());
            Log.infof("shutting down: released %s before it started (not acknowledged; redelivered to another worker)",
                    command.commandId());
            span.end();
            return null;
        }
        MDC.put(RUN_ID, command.runId().toString());
        inFlight.generationStarted();
        ModuleGenerated result;
        try (Scope ignored = span.makeCurrent()) {
            Timer.Sample sample = Timer.start(registry);
            result = generation.generate(command);
            sample.stop(registry.timer("forgeline.worker.generation", "provider", String.valueOf(result.provider()),
                    "outcome", result.outcome().name()));
            span.setAttribute("forgeline.provider", String.valueOf(result.provider()));
            span.setAttribute("forgeline.outcome", result.outcome().name());
            Log.infof("%s %s (attempt %d): %s, %d file(s) in %d ms", result.outcome(), command.module(),
                    command.attempt(), command.commandId(), result.files().size(), result.durationMs());
            return result;
        } finally {
            inFlight.generationEnded();
            MDC.remove(RUN_ID);
        }
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
