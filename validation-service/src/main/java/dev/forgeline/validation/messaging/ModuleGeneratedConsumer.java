package dev.forgeline.validation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.validation.service.ModuleValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** Validates each generated module and answers on forgeline.module.validated; poison records go to the DLQ. */
@ApplicationScoped
public class ModuleGeneratedConsumer {
    private final ModuleValidator validator;
    private final ValidationPublisher publisher;
    private final MeterRegistry registry;
    private final VerdictTracing tracing;
    private final RecentValidations recent;

    public ModuleGeneratedConsumer(ModuleValidator validator, ValidationPublisher publisher, MeterRegistry registry,
            VerdictTracing tracing, RecentValidations recent) {
        this.validator = validator;
        this.publisher = publisher;
        this.registry = registry;
        this.tracing = tracing;
        this.recent = recent;
    }

    /**
     * The record is acknowledged only once the verdict is on Kafka (the returned Uni); a failure nacks it. Modules
     * are independent, so a few are validated at once (module-validation pool): a run's fan-out lands in one
     * partition, and its critical-path module should not queue behind the others. The validation continues the
     * run's trace from the record headers, and the log lines carry the run id (MDC runId).
     */
    @Incoming(Channels.MODULE_GENERATED_IN)
    @Blocking(value = "module-validation", ordered = false)
    public Uni<Void> consume(String value, IncomingKafkaRecordMetadata<String, String> metadata) {
        ModuleGenerated generated = Json.read(value, ModuleGenerated.class);
        requireIdentity(generated);
        if (!recent.firstDelivery(generated.commandId())) {
            Log.infof("%s delivered again while held or already answered by this validator: acknowledged, not"
                    + " validated again", generated.commandId());
            registry.counter("forgeline.validation.repeated", "kind", "module").increment();
            return Uni.createFrom().voidItem();
        }
        MDC.put(RunCommandConsumer.RUN_ID, generated.runId().toString());
        Span span = tracing.start("validate " + generated.module(), Topics.MODULE_GENERATED,
                metadata == null ? null : metadata.getHeaders(), generated.runId(), generated.module(),
                generated.attempt());
        try {
            ModuleValidated verdict = validator.validate(generated);
            span.setAttribute("forgeline.passed", verdict.passed());
            Log.infof("module %s/%s attempt %d: %s (coverage %.3f, %d issues)", generated.runId(),
                    generated.module(), generated.attempt(), verdict.passed() ? "passed" : "rejected",
                    verdict.coverage(), verdict.issues().size());
            registry.counter("forgeline.validation.modules", "passed", String.valueOf(verdict.passed())).increment();
            return publisher.publish(verdict, Context.root().with(span))
                    .onFailure().invoke(e -> recent.unanswered(generated.commandId()))
                    .onTermination().invoke(span::end);
        } catch (RuntimeException e) {
            recent.unanswered(generated.commandId());
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            span.end();
            throw e;
        } finally {
            MDC.remove(RunCommandConsumer.RUN_ID);
        }
    }

    static void requireIdentity(ModuleGenerated generated) {
        if (generated.runId() == null) {
            throw new MalformedRecordException("ModuleGenerated: runId is missing");
        }
        if (generated.module() == null || generated.module().isBlank()) {
            throw new MalformedRecordException("ModuleGenerated: module is missing");
        }
        if (generated.outcome() == null) {
            throw new MalformedRecordException("ModuleGenerated: outcome is missing");
        }
        if (generated.files().stream().anyMatch(java.util.Objects::isNull)) {
            throw new MalformedRecordException("ModuleGenerated: a file entry is null");
        }
    }
}
