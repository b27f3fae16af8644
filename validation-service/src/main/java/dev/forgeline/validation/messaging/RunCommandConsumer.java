package dev.forgeline.validation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.validation.service.RunValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Validates whole runs on request and answers on forgeline.run.results; poison records go to the DLQ. */
@ApplicationScoped
public class RunCommandConsumer {
    private final RunValidator validator;
    private final ValidationPublisher publisher;
    private final MeterRegistry registry;

    public RunCommandConsumer(RunValidator validator, ValidationPublisher publisher, MeterRegistry registry) {
        this.validator = validator;
        this.publisher = publisher;
        this.registry = registry;
    }

    /** The record is acknowledged only once the verdict is on Kafka (the returned Uni); a failure nacks it. */
    @Incoming(Channels.RUN_COMMANDS_IN)
    @Blocking
    public Uni<Void> consume(String value) {
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
        RunValidated verdict = validator.validate(command);
        Log.infof("run %s validation %d: %s", command.runId(), command.validation(), verdict.reason());
        registry.counter("forgeline.validation.runs", "passed", String.valueOf(verdict.passed())).increment();
        return publisher.publish(verdict);
    }
}
