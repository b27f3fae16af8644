package dev.forgeline.worker.service;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two separate limits on the generations one worker runs at once: CPU-bound template rendering
 * ({@code forgeline.worker.template-concurrency}, about the worker's cores) and I/O-bound LLM calls
 * ({@code forgeline.worker.llm-concurrency}, sized for waiting on HTTP). Each kind has its own lane: a fixed set of
 * threads and a FIFO queue, so commands waiting for one kind never hold a slot of the other.
 */
@ApplicationScoped
public class GenerationSlots {

    /** What bounds a generation: the CPU (templates) or the wait for an LLM endpoint. */
    public enum Kind {
        TEMPLATE, LLM;

        /** The kind of the provider that will serve the command (templateOnly modules of an LLM run are TEMPLATE). */
        public static Kind of(GenerateModule command) {
            return GeneratorSettings.TEMPLATE_PROVIDER.equals(GenerationService.providerOf(command)) ? TEMPLATE : LLM;
        }

        /** The tag value in meters and the word in config keys. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Kind, Lane> lanes = new EnumMap<>(Kind.class);

    @Inject
    public GenerationSlots(WorkerConfig config, MeterRegistry registry) {
        this(config.templateConcurrency(), config.llmConcurrency());
        for (Kind kind : Kind.values()) {
            Lane lane = lanes.get(kind);
            Gauge.builder("forgeline.worker.slots.busy", lane.running, AtomicInteger::get).tag("kind", kind.tag())
                    .description("generations running now, per kind (at most forgeline.worker.<kind>-concurrency)")
                    .register(registry);
            Gauge.builder("forgeline.worker.slots.waiting", lane.waiting, AtomicInteger::get).tag("kind", kind.tag())
                    .description("admitted commands waiting for a slot of their kind").register(registry);
            Gauge.builder("forgeline.worker.slots.limit", lane, l -> l.limit).tag("kind", kind.tag())
                    .description("forgeline.worker.<kind>-concurrency").register(registry);
        }
    }

    /** Lanes of the given sizes; each must be at least 1. */
    public GenerationSlots(int templateSlots, int llmSlots) {
        lanes.put(Kind.TEMPLATE, new Lane(Kind.TEMPLATE, check("forgeline.worker.template-concurrency", templateSlots)));
        lanes.put(Kind.LLM, new Lane(Kind.LLM, check("forgeline.worker.llm-concurrency", llmSlots)));
    }

    private static int check(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, was " + value);
        }
        return value;
    }

    /**
     * Runs the task in a slot of its kind as soon as one is free (commands of one kind start in the order they were
     * submitted). The future completes with the task's result, or exceptionally with what it threw.
     */
    public <T> CompletableFuture<T> submit(Kind kind, Supplier<T> task) {
        return lanes.get(kind).submit(task);
    }

    public int limit(Kind kind) {
        return lanes.get(kind).limit;
    }

    /** Generations of this kind running now. */
    public int running(Kind kind) {
        return lanes.get(kind).running.get();
    }

    /** Commands of this kind waiting for a slot. */
    public int waiting(Kind kind) {
        return lanes.get(kind).waiting.get();
    }

    /** The most generations of this kind that ran at once since start: never above its limit. */
    public int peakRunning(Kind kind) {
        return lanes.get(kind).peak.get();
    }

    /** Stops the lanes: queued tasks never start, running ones are interrupted. */
    @PreDestroy
    public void close() {
        lanes.values().forEach(lane -> lane.executor.shutdownNow());
    }

    /** One kind's threads, queue and counters. */
    private static final class Lane {
        final int limit;
        final ThreadPoolExecutor executor;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        Lane(Kind kind, int limit) {
            this.limit = limit;
            AtomicInteger threads = new AtomicInteger();
            this.executor = new ThreadPoolExecutor(limit, limit, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "forgeline-" + kind.tag() + "-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }

        <T> CompletableFuture<T> submit(Supplier<T> task) {
            CompletableFuture<T> result = new CompletableFuture<>();
            waiting.incrementAndGet();
            try {
                executor.execute(() -> {
                    waiting.decrementAndGet();
                    int now = running.incrementAndGet();
                    peak.accumulateAndGet(now, Math::max);
                    try {
                        result.complete(task.get());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            } catch (RuntimeException e) {
                waiting.decrementAndGet();
                throw e;
            }
            return result;
        }
    }
}
