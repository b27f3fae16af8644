package dev.forgeline.worker.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The commands this worker holds: admitted and not yet answered (generating, or publishing the result). Counts
 * them (gauges {@code forgeline.worker.commands.in.flight} and {@code forgeline.worker.commands.generating}, and
 * the peaks), and on shutdown stops admitting new ones and waits for the held ones to finish.
 */
@ApplicationScoped
public class InFlightCommands {
    private final Object lock = new Object();
    private int inFlight;
    private int generating;
    private int peakInFlight;
    private int peakGenerating;
    private long finishedWhileDraining;
    private boolean draining;

    @Inject
    public InFlightCommands(MeterRegistry registry) {
        Gauge.builder("forgeline.worker.commands.in.flight", this, InFlightCommands::inFlight)
                .description("commands admitted and not yet answered").register(registry);
        Gauge.builder("forgeline.worker.commands.generating", this, InFlightCommands::generating)
                .description("commands being generated now (template + llm; forgeline.worker.slots.busy per kind)").register(registry);
    }

    /** For tests without a registry. */
    InFlightCommands() {
    }

    /** Admits a command; false once draining (the command is then released: left unacknowledged). */
    public boolean tryAdmit() {
        synchronized (lock) {
            if (draining) {
                return false;
            }
            inFlight++;
            peakInFlight = Math.max(peakInFlight, inFlight);
            return true;
        }
    }

    /** The admitted command's generation starts. */
    public void generationStarted() {
        synchronized (lock) {
            generating++;
            peakGenerating = Math.max(peakGenerating, generating);
        }
    }

    /** The admitted command's generation ended (its result is being published). */
    public void generationEnded() {
        synchronized (lock) {
            generating--;
        }
    }

    /**
     * The admitted command is released unprocessed (shutdown began before it got a slot): it is left unacknowledged,
     * so the group redelivers it, and does not count as answered.
     */
    public void released() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /** The admitted command is answered (its result acknowledged by Kafka) or given up. */
    public void finished() {
        synchronized (lock) {
            inFlight--;
            if (draining) {
                finishedWhileDraining++;
            }
            lock.notifyAll();
        }
    }

    /**
     * Stops admitting commands and waits up to {@code grace} for the admitted ones to finish. Returns how many were
     * still in flight when it gave up (0: all finished).
     */
    public int drain(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            draining = true;
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return inFlight;
        }
    }

    public boolean draining() {
        synchronized (lock) {
            return draining;
        }
    }

    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    public int generating() {
        synchronized (lock) {
            return generating;
        }
    }

    /** The most commands held at once since start. */
    public int peakInFlight() {
        synchronized (lock) {
            return peakInFlight;
        }
    }

    /** The most commands generated at once since start: never above template-concurrency + llm-concurrency. */
    public int peakGenerating() {
        synchronized (lock) {
            return peakGenerating;
        }
    }

    /** Commands that finished after the drain began. */
    public long finishedWhileDraining() {
        synchronized (lock) {
            return finishedWhileDraining;
        }
    }
}
