package dev.forgeline.worker.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.worker.config.WorkerConfig;
import io.quarkus.logging.Log;

/**
 * Runs {@link GenerationService#generate} under the per-command timeout ({@code forgeline.worker.command-timeout}): a
 * generation that exceeds it is interrupted and answered with ModuleGenerated FAILED, retryable, saying so. Also
 * applies the test-only delay fault ({@code forgeline.worker.faults.delay}) inside the timed section.
 */
@ApplicationScoped
public class TimeLimitedGeneration {
    private final GenerationService generation;
    private final Duration timeout;
    private final Optional<Duration> delay;
    private final Set<String> delayedModules;
    private final ExecutorService executor;

    @Inject
    public TimeLimitedGeneration(GenerationService generation, WorkerConfig config) {
        this(generation, config.commandTimeout(), config.faults().delay(),
                Set.copyOf(config.faults().delayModules().orElse(List.of())));
        config.faults().delay().ifPresent(d -> Log.warnf("FAULT SWITCH ON: forgeline.worker.faults.delay=%s for %s; "
                + "never enable this outside tests", d, delayedModules.isEmpty() ? "every module" : delayedModules));
    }

    public TimeLimitedGeneration(GenerationService generation, Duration timeout, Optional<Duration> delay,
            Set<String> delayedModules) {
        this.generation = generation;
        this.timeout = timeout;
        this.delay = delay;
        this.delayedModules = Set.copyOf(delayedModules);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /** The command's result: generated, failed by the provider, or failed because it ran out of time. */
    public ModuleGenerated generate(GenerateModule command) {
        long started = System.nanoTime();
        Future<ModuleGenerated> future = executor.submit(() -> {
            pauseIfDelayed(command);
            return generation.generate(command);
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            String reason = "generation did not finish within the per-command timeout of " + timeout.toMillis()
                    + " ms (forgeline.worker.command-timeout); another attempt may";
            Log.warnf("command %s: %s", command.commandId(), reason);
            return generation.failed(command, reason, true, started);
        } catch (ExecutionException e) {
            // GenerationService answers every failure itself; anything else is a bug worth a retry.
            return generation.failed(command, "generation failed: " + e.getCause(), true, started);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return generation.failed(command, "the worker was interrupted while generating", true, started);
        }
    }

    private void pauseIfDelayed(GenerateModule command) throws InterruptedException {
        if (delay.isPresent() && (delayedModules.isEmpty() || delayedModules.contains(command.module()))) {
            TimeUnit.MILLISECONDS.sleep(delay.get().toMillis());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "forgeline-generate-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
