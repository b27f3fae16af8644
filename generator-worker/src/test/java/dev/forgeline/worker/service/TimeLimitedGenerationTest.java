package dev.forgeline.worker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.worker.Commands;

class TimeLimitedGenerationTest {

    /** A template provider that never returns on its own: it waits until interrupted. */
    private static final class StuckProvider implements GenerationProvider {
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public String name() {
            return GeneratorSettings.TEMPLATE_PROVIDER;
        }

        @Override
        public List<GeneratedFile> generate(GenerateModule command) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    }

    private static GenerationService service(GenerationProvider provider) {
        return new GenerationService(List.of(provider), "worker-test", Set.of(), Clock.systemUTC());
    }

    @Test
    void aGenerationThatExceedsTheTimeoutIsAnsweredFailedRetryableWithTheReasonAndInterrupted() throws Exception {
        StuckProvider provider = new StuckProvider();
        TimeLimitedGeneration generation = new TimeLimitedGeneration(service(provider), Duration.ofMillis(300),
                Optional.empty(), Set.of());
        GenerateModule command = Commands.command(Commands.todoApi(), "models");

        long started = System.nanoTime();
        ModuleGenerated result = generation.generate(command);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 5000L);
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).contains("per-command timeout of 300 ms");
        assertThat(result.commandId()).isEqualTo(command.commandId());
        assertThat(result.workerId()).isEqualTo("worker-test");
        assertThat(result.files()).isEmpty();
        assertThat(provider.interrupted.await(5, TimeUnit.SECONDS)).as("the stuck generation is interrupted").isTrue();
    }

    @Test
    void aGenerationWithinTheTimeoutIsAnsweredAsUsual() {
        TimeLimitedGeneration generation = new TimeLimitedGeneration(service(new TemplateProvider()),
                Duration.ofSeconds(30), Optional.empty(), Set.of());

        ModuleGenerated result = generation.generate(Commands.command(Commands.todoApi(), "routes"));

        assertThat(result.outcome()).isEqualTo(GenerationOutcome.GENERATED);
        assertThat(result.files()).isNotEmpty();
    }

    @Test
    void theDelayFaultSlowsOnlyTheNamedModulesAndCountsAgainstTheTimeout() {
        TimeLimitedGeneration generation = new TimeLimitedGeneration(service(new TemplateProvider()),
                Duration.ofMillis(400), Optional.of(Duration.ofSeconds(10)), Set.of("terraform"));

        ModuleGenerated delayed = generation.generate(Commands.command(Commands.todoApi(), "terraform"));
        ModuleGenerated other = generation.generate(Commands.command(Commands.todoApi(), "docker"));

        assertThat(delayed.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(delayed.retryable()).isTrue();
        assertThat(other.outcome()).isEqualTo(GenerationOutcome.GENERATED);
    }
}
