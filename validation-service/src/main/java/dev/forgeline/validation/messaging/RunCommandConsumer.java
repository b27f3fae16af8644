package dev.forgeline.validation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.validation.service.RunValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** Validates whole runs on request and answers on forgeline.run.results; poison records go to the DLQ. */
@ApplicationScoped
public class RunCommandConsumer {
    private final RunValidator validator;
    private final ValidationPublisher publisher;
    /** The logging context key of the run id (shown by the console pattern, a field of the JSON logs). */
    static final String RUN_ID = "runId";

    private final MeterRegistry registry;
    private final VerdictTracing tracing;
    private final RecentValidations recent;

    public RunCommandConsumer(RunValidator validator, ValidationPublisher publisher, MeterRegistry registry,
            VerdictTracing tracing, RecentValidations recent) {
        this.validator = validator;
        this.publisher = publisher;
        this.registry = registry;
        this.tracing = tracing;
        this.recent = recent;
    }

    /**
     * The record is acknowledged only once the verdict is on Kafka (the returned Uni); a failure nacks it. The
     * validation continues the run's trace from the record headers; the log lines carry the run id (MDC runId).
     */
    @Incoming(Channels.RUN_COMMANDS_IN)
    @Blocking
    public Uni<Void> consume(String value, IncomingKafkaRecordMetadata<String, String> metadata) {
        ValidateRun command = Json.read(value, ValidateRun.class);
        if (command.runId() == null) {
            throw new MalformedRecordException("ValidateRun: runId is missing");
        }
        for (var module : command.modules()) {
            if (module == null || module.module() == null || module.module().isBlank() || module.status() == null) {
                throw new MalformedRecordException("ValidateRun: a module outcome lacks its name or status");
            }
        }
        for (var file : command.files()) {
            if (file == null || file.path() == null) {
                throw new MalformedRecordException("ValidateRun: a file lacks its path");
            }
        }
        if (!recent.firstDelivery(command.commandId())) {
            Log.infof("%s delivered again while held or already answered by this validator: acknowledged, not"
                    + " validated again", command.commandId());
            registry.counter("forgeline.validation.repeated", "kind", "run").increment();
            return Uni.createFrom().voidItem();
        }
        MDC.put(RUN_ID, command.runId().toString());
        Span span = tracing.start("validate run", Topics.RUN_COMMANDS, metadata == null ? null : metadata.getHeaders(),
                command.runId(), null, 0);
        try {
            RunValidated verdict = validator.validate(command);
            span.setAttribute("forgeline.passed", verdict.passed());
            Log.infof("run %s validation %d: %s", command.runId(), command.validation(), verdict.reason());
            registry.counter("forgeline.validation.runs", "passed", String.valueOf(verdict.passed())).increment();
            return publisher.publish(verdict, Context.root().with(span))
                    .onFailure().invoke(e -> recent.unanswered(command.commandId()))
                    .onTermination().invoke(span::end);
        } catch (RuntimeException e) {
            recent.unanswered(command.commandId());
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            span.end();
            throw e;
        } finally {
            MDC.remove(RUN_ID);
        }
    }
}
