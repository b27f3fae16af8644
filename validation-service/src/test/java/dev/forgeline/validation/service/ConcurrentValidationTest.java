package dev.forgeline.validation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleValidated;

/** ModuleGeneratedConsumer validates several modules at once: a verdict must not depend on what runs beside it. */
class ConcurrentValidationTest {
    private final ModuleValidator validator = new ModuleValidator(0.90, FileChecks.defaults());

    private record Verdict(boolean passed, double coverage, List<?> issues) {
        static Verdict of(ModuleValidated v) {
            return new Verdict(v.passed(), v.coverage(), v.issues());
        }
    }

    @Test
    void modulesValidatedOnFourThreadsGetTheVerdictsTheyGetOneByOne() throws Exception {
        List<ModuleGenerated> modules = new ArrayList<>();
        for (Path spec : RenderedRun.examples()) {
            for (ModuleGenerated m : RenderedRun.render(spec).modules()) {
                modules.add(m);
                modules.add(broken(m));
            }
        }
        List<Verdict> oneByOne = modules.stream().map(m -> Verdict.of(validator.validate(m))).toList();
        assertThat(oneByOne).anyMatch(Verdict::passed).anyMatch(v -> !v.passed());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<ModuleValidated>> futures = new ArrayList<>();
                for (ModuleGenerated m : modules) {
                    futures.add(pool.submit(() -> validator.validate(m)));
                }
                for (int i = 0; i < modules.size(); i++) {
                    assertThat(Verdict.of(futures.get(i).get())).as("%s (round %d)", modules.get(i).module(), round)
                            .isEqualTo(oneByOne.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same module with every file cut off in the middle: syntax errors of every file type. */
    private static ModuleGenerated broken(ModuleGenerated m) {
        List<GeneratedFile> files = m.files().stream()
                .map(f -> GeneratedFile.of(f.path(), f.content().substring(0, f.content().length() / 2) + "\n({[\n"))
                .toList();
        return new ModuleGenerated(m.commandId(), m.runId(), m.module(), m.attempt(), m.outcome(), m.reason(),
                m.retryable(), files, m.plan(), m.upstreamPaths(), m.provider(), m.workerId(), m.durationMs());
    }
}
