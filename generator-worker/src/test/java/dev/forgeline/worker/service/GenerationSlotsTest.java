package dev.forgeline.worker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.worker.Commands;
import dev.forgeline.worker.service.GenerationSlots.Kind;

class GenerationSlotsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final CountDownLatch release = new CountDownLatch(1);
    private GenerationSlots slots;

    @AfterEach
    void stop() {
        release.countDown();
        if (slots != null) {
            slots.close();
        }
    }

    @Test
    void atMostTheLimitOfAKindRunsAndTheRestWait() {
        slots = new GenerationSlots(1, 3);

        List<CompletableFuture<String>> llm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            llm.add(slots.submit(Kind.LLM, this::blockUntilReleased));
        }

        await().atMost(WAIT).until(() -> slots.running(Kind.LLM) == 3 && slots.waiting(Kind.LLM) == 2);
        assertThat(llm).noneMatch(CompletableFuture::isDone);
        release.countDown();
        await().atMost(WAIT).until(() -> llm.stream().allMatch(CompletableFuture::isDone));
        assertThat(slots.peakRunning(Kind.LLM)).isEqualTo(3);
        // A future completes just before its slot's thread counts itself out.
        await().atMost(WAIT).until(() -> slots.running(Kind.LLM) == 0);
        assertThat(slots.waiting(Kind.LLM)).isZero();
    }

    @Test
    void templateWorkRunsWhileEveryLlmSlotIsBusyAndMoreLlmWorkWaits() throws Exception {
        slots = new GenerationSlots(1, 2);
        for (int i = 0; i < 4; i++) {
            slots.submit(Kind.LLM, this::blockUntilReleased);
        }
        await().atMost(WAIT).until(() -> slots.running(Kind.LLM) == 2 && slots.waiting(Kind.LLM) == 2);

        String rendered = slots.submit(Kind.TEMPLATE, () -> "rendered").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(rendered).isEqualTo("rendered");
        assertThat(slots.running(Kind.LLM)).as("the LLM work is still waiting on its endpoint").isEqualTo(2);
    }

    @Test
    void commandsOfOneKindStartInTheOrderTheyCame() {
        slots = new GenerationSlots(1, 1);
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> first = slots.submit(Kind.TEMPLATE, this::blockUntilReleased);
        List<CompletableFuture<Integer>> rest = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            rest.add(slots.submit(Kind.TEMPLATE, () -> {
                started.add(n);
                return n;
            }));
        }
        await().atMost(WAIT).until(() -> slots.waiting(Kind.TEMPLATE) == 5);

        release.countDown();

        await().atMost(WAIT).until(() -> first.isDone() && rest.stream().allMatch(CompletableFuture::isDone));
        assertThat(started).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aFailingTaskFailsItsFutureAndFreesItsSlot() throws Exception {
        slots = new GenerationSlots(1, 1);

        CompletableFuture<String> failed = slots.submit(Kind.LLM, () -> {
            throw new IllegalStateException("endpoint gone");
        });

        assertThatThrownBy(() -> failed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("endpoint gone");
        assertThat(slots.submit(Kind.LLM, () -> "next").get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("next");
        // The future completes before the slot's thread counts itself out: wait for the count, don't race it.
        await().atMost(WAIT).until(() -> slots.running(Kind.LLM) == 0);
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new GenerationSlots(0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forgeline.worker.template-concurrency must be at least 1, was 0");
        assertThatThrownBy(() -> new GenerationSlots(4, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forgeline.worker.llm-concurrency must be at least 1, was -1");
    }

    @Test
    void llmRunsAreLlmBoundExceptTheirTemplateOnlyModulesAndTemplateRunsAreCpuBound() {
        var spec = Commands.todoApi();
        GeneratorSettings llm = new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, "m", null);
        GenerateModule llmUtils = Commands.command(java.util.UUID.randomUUID(), spec, Commands.module(spec, "utils"),
                llm, java.time.Instant.now().plusSeconds(60));
        GenerateModule llmConfig = Commands.command(java.util.UUID.randomUUID(), spec, Commands.module(spec, "config"),
                llm, java.time.Instant.now().plusSeconds(60));

        assertThat(Kind.of(llmUtils)).isEqualTo(Kind.LLM);
        assertThat(Kind.of(llmConfig)).as("config is templateOnly in express-js").isEqualTo(Kind.TEMPLATE);
        assertThat(Kind.of(Commands.command(spec, "utils"))).isEqualTo(Kind.TEMPLATE);
    }

    private String blockUntilReleased() {
        try {
            if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "done";
    }
}
