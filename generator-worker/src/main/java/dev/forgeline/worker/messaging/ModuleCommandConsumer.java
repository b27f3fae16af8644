package dev.forgeline.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.worker.service.GenerationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes forgeline.module.commands: a malformed record fails (nack → the connector's dead-letter queue), a
 * well-formed one is generated off the event loop and acked only once its ModuleGenerated is acknowledged by Kafka.
 */
@ApplicationScoped
public class ModuleCommandConsumer {
    /** The worker pool the generation runs on; its size is forgeline.worker.concurrency. */
    public static final String POOL = "forgeline-generation";

    private final GenerationService generation;
    private final ModuleGeneratedPublisher publisher;
    private final MeterRegistry registry;

    public ModuleCommandConsumer(GenerationService generation, ModuleGeneratedPublisher publisher,
            MeterRegistry registry) {
        this.generation = generation;
        this.publisher = publisher;
        this.registry = registry;
    }

    @Incoming(Channels.MODULE_COMMANDS_IN)
    @Blocking(value = POOL, ordered = false)
    public Uni<Void> consume(String value) {
        GenerateModule command = parse(value);
        Timer.Sample sample = Timer.start(registry);
        ModuleGenerated result = generation.generate(command);
        sample.stop(registry.timer("forgeline.worker.generation", "provider", String.valueOf(result.provider()),
                "outcome", result.outcome().name()));
        Log.infof("%s %s (attempt %d): %s, %d file(s) in %d ms", result.outcome(), command.module(), command.attempt(),
                command.commandId(), result.files().size(), result.durationMs());
        return publisher.publish(result);
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
