package dev.forgeline.orchestrator.api;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.orchestrator.config.EventStreamConfig;
import dev.forgeline.orchestrator.service.RunEventLog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/** Turns {@link RunEventLog} subscriptions into SSE streams: events with their id, and heartbeat comments. */
@ApplicationScoped
public class SseStreams {
    static final String EVENT_NAME = "run-event";
    private final EventStreamConfig config;

    SseStreams(EventStreamConfig config) {
        this.config = config;
    }

    /** Starts a stream: events as {@code run-event} SSE events with their id, and a heartbeat comment. */
    Multi<OutboundSseEvent> stream(Sse sse, StreamStart start) {
        int buffer = config.maxEventsPerRun() + 256;
        return Multi.createFrom().emitter((MultiEmitter<? super OutboundSseEvent> emitter) -> {
            Object lock = new Object();
            Consumer<RunEvent> send = e -> {
                synchronized (lock) {
                    emitter.emit(sse.newEventBuilder().id(e.eventId().toString()).name(EVENT_NAME)
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Json.write(e)).build());
                }
            };
            long every = config.heartbeat().toMillis();
            ScheduledFuture<?> heartbeat = Infrastructure.getDefaultWorkerPool().scheduleAtFixedRate(() -> {
                synchronized (lock) {
                    emitter.emit(sse.newEventBuilder().comment("keep-alive").build());
                }
            }, every, every, TimeUnit.MILLISECONDS);
            AtomicReference<RunEventLog.Subscription> subscription = new AtomicReference<>();
            AtomicBoolean ended = new AtomicBoolean();
            emitter.onTermination(() -> {
                ended.set(true);
                heartbeat.cancel(false);
                RunEventLog.Subscription s = subscription.get();
                if (s != null) {
                    s.cancel();
                }
            });
            subscription.set(start.begin(emitter, send));
            // The stream may have ended while its history was sent: then nothing else would cancel the listener.
            if (ended.get()) {
                subscription.get().cancel();
            }
        }, buffer);
    }

    /** Subscribes a new stream's emitter to the events it carries. */
    @FunctionalInterface
    interface StreamStart {
        RunEventLog.Subscription begin(MultiEmitter<? super OutboundSseEvent> emitter,
                Consumer<RunEvent> send);
    }
}
