package dev.forgeline.validation.service;

import static dev.forgeline.validation.service.Fixtures.EXPRESS;
import static dev.forgeline.validation.service.Fixtures.RUN;
import static dev.forgeline.validation.service.Fixtures.expressFiles;
import static dev.forgeline.validation.service.Fixtures.outcome;
import static dev.forgeline.validation.service.Fixtures.runFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunCounts;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.messages.ValidationIssue;

/** Run rules: success rate, critical modules and files, path conflicts, imports, the reason sentence. */
class RunValidatorTest {
    private final RunValidator validator = new RunValidator(0.95);

    private static ValidateRun run(List<ModuleOutcome> modules, List<RunFile> files) {
        return new ValidateRun(RUN + "/validate/1", RUN, 1, "express-js", modules, files);
    }

    private static List<ModuleOutcome> replace(List<ModuleOutcome> modules, ModuleOutcome replacement) {
        List<ModuleOutcome> out = new ArrayList<>();
        for (ModuleOutcome m : modules) {
            out.add(m.module().equals(replacement.module()) ? replacement : m);
        }
        return out;
    }

    private static List<RunFile> without(List<RunFile> files, String module) {
        return files.stream().filter(f -> !f.module().equals(module)).toList();
    }

    private static List<String> rules(RunValidated v) {
        return v.issues().stream().map(ValidationIssue::rule).toList();
    }

    @Test
    void fullyValidatedRunSucceeds() {
        RunValidated v = validator.validate(run(EXPRESS, expressFiles()));

        assertThat(v.issues()).isEmpty();
        assertThat(v.passed()).isTrue();
        assertThat(v.successRate()).isEqualTo(1.0);
        assertThat(v.reason()).isEqualTo("SUCCEEDED: 9/9 modules validated (100.0%)");
        assertThat(v.counts()).isEqualTo(new RunCounts(9, 9, 0, 0));
        assertThat(v.commandId()).isEqualTo(RUN + "/validate/1");
        assertThat(v.runId()).isEqualTo(RUN);
        assertThat(v.validation()).isEqualTo(1);
    }

    @Test
    void oneFailedModuleOfNineFailsTheRunAndTheReasonNamesIt() {
        List<ModuleOutcome> modules = replace(EXPRESS,
                new ModuleOutcome("docker", ModuleStatus.FAILED, false, 3, List.of(), 0, "Dockerfile: fence.markdown"));

        RunValidated v = validator.validate(run(modules, without(expressFiles(), "docker")));

        assertThat(v.passed()).isFalse();
        assertThat(v.successRate()).isEqualTo(8.0 / 9.0);
        assertThat(v.reason()).startsWith("FAILED: 8/9 modules validated (88.9% < 95%)")
                .contains("module docker FAILED: Dockerfile: fence.markdown")
                .doesNotContain("SUCCEEDED");
        assertThat(v.missingCriticalModules()).isEmpty();
        assertThat(rules(v)).containsExactly(Rules.RUN_SUCCESS_RATE);
        assertThat(v.counts()).isEqualTo(new RunCounts(9, 8, 0, 1));
    }

    @Test
    void failedCriticalModuleIsNamedWithItsReason() {
        List<ModuleOutcome> modules = replace(EXPRESS, new ModuleOutcome("handlers", ModuleStatus.FAILED, true, 3,
                List.of("src/handlers/todoHandler.js"), 1, "attempts spent: js.syntax in todoHandler.js"));
        List<RunFile> files = new ArrayList<>(without(expressFiles(), "handlers"));
        files.add(runFile("handlers", "src/handlers/todoHandler.js", "const s = require('../services/todoService');\n"));

        RunValidated v = validator.validate(run(modules, files));

        assertThat(v.passed()).isFalse();
        assertThat(v.missingCriticalModules()).containsExactly("handlers");
        assertThat(v.reason()).isEqualTo("FAILED: 8/9 modules validated (88.9% < 95%); critical module handlers "
                + "FAILED: attempts spent: js.syntax in todoHandler.js");
        assertThat(v.counts()).isEqualTo(new RunCounts(9, 8, 1, 0));
    }

    @Test
    void skippedCriticalModuleFailsTheRunEvenAboveTheSuccessRate() {
        List<ModuleOutcome> modules = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            modules.add(outcome("extra" + k, false, ModuleStatus.VALIDATED));
        }
        modules.addAll(replace(EXPRESS, new ModuleOutcome("routes", ModuleStatus.SKIPPED, true, 0, List.of(), 0,
                "dependency handlers FAILED")));

        RunValidated v = validator.validate(run(modules, without(expressFiles(), "routes")));

        assertThat(v.successRate()).isGreaterThanOrEqualTo(0.95);
        assertThat(v.passed()).isFalse();
        assertThat(v.missingCriticalModules()).containsExactly("routes");
        assertThat(v.reason()).startsWith("FAILED: 38/39 modules validated (97.4%)")
                .contains("critical module routes SKIPPED: dependency handlers FAILED");
        assertThat(rules(v)).contains(Rules.CRITICAL_MODULE);
    }

    @Test
    void pathWrittenByTwoModulesFailsTheRun() {
        List<RunFile> files = new ArrayList<>(expressFiles());
        files.add(runFile("routes", "src/config/index.js", "module.exports = {};\n"));

        RunValidated v = validator.validate(run(EXPRESS, files));

        assertThat(v.passed()).isFalse();
        ValidationIssue conflict = v.issues().stream().filter(i -> i.rule().equals(Rules.PATH_CONFLICT)).findFirst()
                .orElseThrow();
        assertThat(conflict.path()).isEqualTo("src/config/index.js");
        assertThat(conflict.message()).contains("config", "routes");
        assertThat(v.reason()).startsWith("FAILED: 9/9 modules validated (100.0%)")
                .contains("src/config/index.js (config and routes)");
    }

    @Test
    void missingCriticalFileFailsTheRunAndIsListed() {
        List<RunFile> files = expressFiles().stream().filter(f -> !f.path().equals("migrations/001_init.sql")).toList();

        RunValidated v = validator.validate(run(EXPRESS, files));

        assertThat(v.passed()).isFalse();
        assertThat(v.missingCriticalFiles()).containsExactly("migrations/001_init.sql");
        assertThat(v.reason()).contains("1 critical file missing: migrations/001_init.sql");
    }

    @Test
    void unresolvedImportInTheFinalFileSetFailsTheRun() {
        List<RunFile> files = new ArrayList<>(expressFiles());
        files.add(runFile("routes", "src/server.js", "const app = require('./app');\nconst db = require('./db');\n"));

        RunValidated v = validator.validate(run(EXPRESS, files));

        assertThat(v.passed()).isFalse();
        ValidationIssue unresolved = v.issues().stream().filter(i -> i.rule().equals(Rules.IMPORT_UNRESOLVED))
                .findFirst().orElseThrow();
        assertThat(unresolved.path()).isEqualTo("src/server.js");
        assertThat(unresolved.line()).isEqualTo(2);
        assertThat(v.reason()).contains("unresolved relative import: src/server.js:2");
    }

    @Test
    void nonCriticalFailureAtNinetyFivePercentStillSucceeds() {
        List<ModuleOutcome> modules = new ArrayList<>(EXPRESS);
        for (int k = 0; k < 10; k++) {
            modules.add(outcome("extra" + k, false, ModuleStatus.VALIDATED));
        }
        modules.add(new ModuleOutcome("tests", ModuleStatus.FAILED, false, 3, List.of(), 2, "js.syntax"));

        RunValidated v = validator.validate(run(modules, expressFiles()));

        assertThat(v.successRate()).isEqualTo(19.0 / 20.0);
        assertThat(v.passed()).isTrue();
        assertThat(v.reason()).isEqualTo("SUCCEEDED: 19/20 modules validated (95.0%)");
        assertThat(v.counts()).isEqualTo(new RunCounts(20, 19, 1, 0));
    }

    @Test
    void runWithoutModulesFails() {
        RunValidated v = validator.validate(run(List.of(), List.of()));

        assertThat(v.passed()).isFalse();
        assertThat(v.reason()).startsWith("FAILED: 0/0 modules validated").contains("the run has no modules");
        assertThat(rules(v)).containsExactly(Rules.RUN_EMPTY);
    }
}
