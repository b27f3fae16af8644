package dev.forgeline.worker.messaging;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.CloudEventHeaders;
import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.TraceHeaders;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.worker.config.WorkerConfig;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes ModuleGenerated to forgeline.module.generated, keyed by runId, with CloudEvents headers. */
@ApplicationScoped
public class ModuleGeneratedPublisher {
    private final MutinyEmitter<String> emitter;
    private final String source;
    private final Clock clock = Clock.systemUTC();

    public ModuleGeneratedPublisher(@Channel(Channels.MODULE_GENERATED_OUT) MutinyEmitter<String> emitter,
            WorkerConfig config) {
        this.emitter = emitter;
        this.source = "forgeline/generator-worker/" + WorkerConfig.resolveId(config.id());
    }

    /** Completes when Kafka acknowledged the record (retried a few times), fails when it could not be sent. */
    public Uni<Void> publish(ModuleGenerated event) {
        return publish(event, Context.root());
    }

    /** As {@link #publish(ModuleGenerated)}, in the trace of {@code trace} (its span named in a traceparent header). */
    public Uni<Void> publish(ModuleGenerated event, Context trace) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message(event, trace)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3);
    }

    private Message<String> message(ModuleGenerated event, Context trace) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.runId().toString())
                .withHeaders(TraceHeaders.inject(trace, CloudEventHeaders.create(Ids.uuidV7().toString(),
                        CloudEventTypes.MODULE_GENERATED, source, clock.instant())))
                .build();
        return Message.of(Json.write(event)).addMetadata(metadata);
    }
}
