package dev.forgeline.validation.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.CloudEventHeaders;
import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.TraceHeaders;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunValidated;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes verdicts keyed by runId with CloudEvents headers; each returned Uni completes when Kafka has the record. */
@ApplicationScoped
public class ValidationPublisher {
    static final String SOURCE = "forgeline/validation-service";

    private final MutinyEmitter<String> moduleValidated;
    private final MutinyEmitter<String> runResults;

    public ValidationPublisher(@Channel(Channels.MODULE_VALIDATED_OUT) MutinyEmitter<String> moduleValidated,
            @Channel(Channels.RUN_RESULTS_OUT) MutinyEmitter<String> runResults) {
        this.moduleValidated = moduleValidated;
        this.runResults = runResults;
    }

    /** Sends a module verdict to forgeline.module.validated, in the trace of {@code trace} (a traceparent header). */
    public Uni<Void> publish(ModuleValidated verdict, Context trace) {
        return moduleValidated.sendMessage(
                record(verdict.runId().toString(), Json.write(verdict), CloudEventTypes.MODULE_VALIDATED, trace));
    }

    /** Sends a run verdict to forgeline.run.results, in the trace of {@code trace} (a traceparent header). */
    public Uni<Void> publish(RunValidated verdict, Context trace) {
        return runResults.sendMessage(
                record(verdict.runId().toString(), Json.write(verdict), CloudEventTypes.RUN_VALIDATED, trace));
    }

    private static Message<String> record(String key, String value, String type, Context trace) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(TraceHeaders.inject(trace,
                        CloudEventHeaders.create(Ids.uuidV7().toString(), type, SOURCE, Instant.now())))
                .build();
        return Message.of(value).addMetadata(metadata);
    }
}
