package dev.forgeline.validation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;

/** Property-style checks over many random plans, file subsets and run outcomes (seeded, so reproducible). */
class ValidatorPropertiesTest {
    private static final String[] EXTENSIONS = { ".js", ".json", ".sql", ".tf", ".yml", ".md", "" };
    private static final ModuleStatus[] TERMINAL = { ModuleStatus.VALIDATED, ModuleStatus.FAILED,
            ModuleStatus.SKIPPED, ModuleStatus.CANCELLED };

    @RepeatedTest(400)
    void noModuleMissingACriticalFileEverPasses(RepetitionInfo repetition) {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        double minCoverage = random.nextInt(101) / 100.0;
        ModuleValidator validator = new ModuleValidator(minCoverage, FileChecks.defaults());

        List<PlannedFile> planned = new ArrayList<>();
        int count = 1 + random.nextInt(30);
        for (int k = 0; k < count; k++) {
            String ext = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
            String path = ext.isEmpty() ? "docker/Dockerfile" + k : "src/d" + random.nextInt(4) + "/f" + k + ext;
            planned.add(new PlannedFile(path, random.nextInt(4) == 0, null, null));
        }
        ModulePlan plan = new ModulePlan("m", random.nextBoolean(), List.of(), planned);

        for (int subset = 0; subset < 10; subset++) {
            double keep = random.nextDouble();
            List<GeneratedFile> files = new ArrayList<>();
            Set<String> present = new HashSet<>();
            for (PlannedFile f : planned) {
                if (random.nextDouble() < keep) {
                    files.add(Fixtures.good(f.path()));
                    present.add(f.path());
                }
            }
            ModuleValidated v = validator.validate(Fixtures.generated(plan, files));

            boolean criticalMissing = plan.criticalPaths().stream().anyMatch(p -> !present.contains(p));
            double coverage = (double) planned.stream().filter(f -> present.contains(f.path())).count() / count;
            if (criticalMissing) {
                assertThat(v.passed()).as("module missing a critical file: %s of %s", present, plan).isFalse();
                assertThat(v.issues()).anyMatch(i -> i.rule().equals(Rules.CRITICAL_MISSING));
            }
            assertThat(v.coverage()).isEqualTo(coverage);
            assertThat(v.passed()).isEqualTo(!criticalMissing && coverage + 1e-9 >= minCoverage);
            assertThat(v.retryable()).isEqualTo(!v.passed());
        }
    }

    @RepeatedTest(400)
    void aRunSucceedsOnlyWhenEveryRunRuleHolds(RepetitionInfo repetition) {
        Random random = new Random(104729L * repetition.getCurrentRepetition());
        RunValidator validator = new RunValidator(0.95);
        List<ModuleOutcome> modules = new ArrayList<>();
        List<RunFile> files = new ArrayList<>();
        int count = 1 + random.nextInt(25);
        for (int k = 0; k < count; k++) {
            ModuleStatus status = random.nextInt(6) == 0 ? TERMINAL[random.nextInt(TERMINAL.length)]
                    : ModuleStatus.VALIDATED;
            String critical = "m" + k + "/main.js";
            boolean writesCritical = status == ModuleStatus.VALIDATED ? random.nextInt(20) != 0 : random.nextBoolean();
            if (writesCritical) {
                files.add(Fixtures.runFile("m" + k, critical, "module.exports = " + k + ";\n"));
            }
            modules.add(new ModuleOutcome("m" + k, status, random.nextInt(3) == 0, 1, List.of(critical),
                    writesCritical ? 1 : 0, status == ModuleStatus.VALIDATED ? null : "it " + status));
        }
        RunValidated v = validator.validate(new ValidateRun("c", Fixtures.RUN, 1, "express-js", modules, files));

        long validated = modules.stream().filter(m -> m.status() == ModuleStatus.VALIDATED).count();
        boolean criticalModulesOk = modules.stream()
                .allMatch(m -> !m.critical() || m.status() == ModuleStatus.VALIDATED);
        boolean criticalFilesOk = modules.size() == files.size();
        boolean expected = (double) validated / count + 1e-9 >= 0.95 && criticalModulesOk && criticalFilesOk;

        assertThat(v.passed()).as(v.reason()).isEqualTo(expected);
        assertThat(v.reason().startsWith("SUCCEEDED")).isEqualTo(v.passed());
        assertThat(v.reason()).doesNotContain(v.passed() ? "FAILED" : "SUCCEEDED");
        assertThat(v.counts().total()).isEqualTo(count);
        assertThat(v.counts().fullyValidated() + v.counts().partiallyComplete() + v.counts().failed()).isEqualTo(count);
    }
}
