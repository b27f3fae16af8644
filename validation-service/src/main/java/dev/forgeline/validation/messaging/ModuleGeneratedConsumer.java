package dev.forgeline.validation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.validation.service.ModuleValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Validates each generated module and answers on forgeline.module.validated; poison records go to the DLQ. */
@ApplicationScoped
public class ModuleGeneratedConsumer {
    private final ModuleValidator validator;
    private final ValidationPublisher publisher;
    private final MeterRegistry registry;

    public ModuleGeneratedConsumer(ModuleValidator validator, ValidationPublisher publisher, MeterRegistry registry) {
        this.validator = validator;
        this.publisher = publisher;
        this.registry = registry;
    }

    /**
     * The record is acknowledged only once the verdict is on Kafka (the returned Uni); a failure nacks it. Modules
     * are independent, so a few are validated at once (module-validation pool): a run's fan-out lands in one
     * partition, and its critical-path module should not queue behind the others.
     */
    @Incoming(Channels.MODULE_GENERATED_IN)
    @Blocking(value = "module-validation", ordered = false)
    public Uni<Void> consume(String value) {
        ModuleGenerated generated = Json.read(value, ModuleGenerated.class);
        requireIdentity(generated);
        ModuleValidated verdict = validator.validate(generated);
        Log.infof("module %s/%s attempt %d: %s (coverage %.3f, %d issues)", generated.runId(), generated.module(),
                generated.attempt(), verdict.passed() ? "passed" : "rejected", verdict.coverage(),
                verdict.issues().size());
        registry.counter("forgeline.validation.modules", "passed", String.valueOf(verdict.passed())).increment();
        return publisher.publish(verdict);
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
