package dev.forgeline.worker.config;

import java.time.Duration;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.common.TopicPartition;

import dev.forgeline.contracts.Channels;
import dev.forgeline.worker.messaging.InFlightCommands;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Graceful shutdown (SIGTERM): stop fetching commands (pause the consumer, admit nothing new), let the commands in
 * flight finish and their results be acknowledged by Kafka, up to {@code forgeline.worker.shutdown-grace}. Runs on
 * ShutdownEvent, before the Kafka connector closes, so that the results can still be published; commands not
 * finished by then stay unacknowledged and are redelivered to another worker of the group.
 */
@ApplicationScoped
public class GracefulShutdown {
    private final InFlightCommands inFlight;
    private final KafkaClientService kafka;
    private final Duration grace;

    public GracefulShutdown(InFlightCommands inFlight, KafkaClientService kafka, WorkerConfig config) {
        this.inFlight = inFlight;
        this.kafka = kafka;
        this.grace = config.shutdownGrace();
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        int held = inFlight.inFlight();
        Log.infof("shutting down: no new commands; waiting up to %d ms for %d in flight", grace.toMillis(), held);
        pauseConsumer();
        try {
            int left = inFlight.drain(grace);
            if (left == 0) {
                Log.infof("shutdown: the commands in flight finished (%d answered while draining)",
                        inFlight.finishedWhileDraining());
            } else {
                Log.warnf("shutdown: %d command(s) still in flight after %d ms; released unacknowledged, another "
                        + "worker gets them", left, grace.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Log.warn("shutdown: interrupted while waiting for the commands in flight");
        }
    }

    private void pauseConsumer() {
        try {
            Set<TopicPartition> paused = kafka.getConsumer(Channels.MODULE_COMMANDS_IN).pause().await()
                    .atMost(Duration.ofSeconds(5));
            Log.debugf("paused %s", paused);
        } catch (RuntimeException e) {
            // Not fatal: the consumer admits nothing new anyway, it only keeps fetching until it closes.
            Log.warnf("shutdown: could not pause the command consumer: %s", e.toString());
        }
    }
}
