package dev.forgeline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.KafkaConsumer;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.testkit.TopicReaders;

/** Watches forgeline.run.events for terminal run statuses and hands each to the thread waiting for that run. */
final class RunEndings implements AutoCloseable {
    /** A run's terminal status and when this client saw it ({@link System#nanoTime()}). */
    record Ending(RunStatus status, long seenNanos) {
    }

    private final Map<String, Ending> endings = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    RunEndings(String bootstrap) {
        KafkaConsumer<String, String> consumer = TopicReaders.fromEnd(bootstrap, List.of(Topics.RUN_EVENTS));
        poller = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        // Most events are module transitions: skip them unparsed, the client must stay light.
                        if (!record.value().contains(RunEventType.RUN_STATUS_CHANGED.name())) {
                            continue;
                        }
                        RunEvent event = Json.read(record.value(), RunEvent.class);
                        if (event.type() == RunEventType.RUN_STATUS_CHANGED
                                && RunStatus.valueOf(event.status()).isTerminal()) {
                            endings.putIfAbsent(event.runId().toString(),
                                    new Ending(RunStatus.valueOf(event.status()), System.nanoTime()));
                            synchronized (endings) {
                                endings.notifyAll();
                            }
                        }
                    }
                }
            }
        }, "run-endings");
        poller.setDaemon(true);
        poller.start();
    }

    /** The run's ending, or null when none came within the timeout. */
    Ending await(String runId, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (endings) {
            while (!endings.containsKey(runId) && System.nanoTime() < until) {
                try {
                    endings.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return endings.get(runId);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(5000);
    }
}
