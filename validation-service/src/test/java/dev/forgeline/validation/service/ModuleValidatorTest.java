package dev.forgeline.validation.service;

import static dev.forgeline.validation.service.Fixtures.critical;
import static dev.forgeline.validation.service.Fixtures.failed;
import static dev.forgeline.validation.service.Fixtures.file;
import static dev.forgeline.validation.service.Fixtures.generated;
import static dev.forgeline.validation.service.Fixtures.good;
import static dev.forgeline.validation.service.Fixtures.goodFiles;
import static dev.forgeline.validation.service.Fixtures.jsPlan;
import static dev.forgeline.validation.service.Fixtures.plan;
import static dev.forgeline.validation.service.Fixtures.planned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.Severity;
import dev.forgeline.contracts.messages.ValidationIssue;

/** Module rules: each rule of DESIGN §4 on small hand-written modules. */
class ModuleValidatorTest {
    private final ModuleValidator validator = new ModuleValidator(0.90, FileChecks.defaults());

    private static List<String> rules(ModuleValidated v) {
        return v.issues().stream().map(ValidationIssue::rule).toList();
    }

    private static ValidationIssue issue(ModuleValidated v, String rule) {
        return v.issues().stream().filter(i -> i.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " issue in " + v.issues()));
    }

    private static ModulePlan configPlan() {
        return plan("config", critical("package.json"), planned(".env.example"), planned("README.md"),
                critical("src/config/index.js"), planned("docker-compose.yml"), planned("Dockerfile"),
                planned("migrations/001_init.sql"), planned("terraform/main.tf"));
    }

    @Test
    void goodModulePassesWithFullCoverageAndCopiesItsIdentity() {
        ModulePlan plan = configPlan();
        ModuleGenerated g = generated(plan, goodFiles(plan));

        ModuleValidated v = validator.validate(g);

        assertThat(v.issues()).isEmpty();
        assertThat(v.passed()).isTrue();
        assertThat(v.retryable()).isFalse();
        assertThat(v.coverage()).isEqualTo(1.0);
        assertThat(v.commandId()).isEqualTo(g.commandId());
        assertThat(v.runId()).isEqualTo(g.runId());
        assertThat(v.module()).isEqualTo("config");
        assertThat(v.attempt()).isEqualTo(1);
        assertThat(v.provider()).isEqualTo("template");
        assertThat(v.workerId()).isEqualTo("worker-1");
        assertThat(v.generationMs()).isEqualTo(42);
        assertThat(v.files()).isEqualTo(g.files());
    }

    @Test
    void fencedJavaScriptFailsWithFenceMarkdownOnTheFenceLine() {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));
        String fenced = "```javascript\nmodule.exports = console;\n```\n";

        ModuleValidated v = validator.validate(generated(plan, List.of(file("src/utils/logger.js", fenced))));

        assertThat(v.passed()).isFalse();
        assertThat(v.retryable()).isTrue();
        ValidationIssue fence = issue(v, Rules.FENCE_MARKDOWN);
        assertThat(fence.path()).isEqualTo("src/utils/logger.js");
        assertThat(fence.line()).isEqualTo(1);
        assertThat(fence.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void fencesInOtherCodeFilesFailButMarkdownMayHoldThem() {
        ModulePlan plan = plan("docker", planned("Dockerfile"), planned("README.md"), planned("package.json"));
        ModuleValidated v = validator.validate(generated(plan, List.of(
                file("Dockerfile", "FROM node:20\n  ```\n"),
                file("README.md", "# x\n```sh\nnpm test\n```\n"),
                file("package.json", "```json\n{}\n```"))));

        assertThat(v.issues()).filteredOn(i -> i.rule().equals(Rules.FENCE_MARKDOWN))
                .extracting(ValidationIssue::path).containsExactly("Dockerfile", "package.json");
        assertThat(issue(v, Rules.FENCE_MARKDOWN).line()).isEqualTo(2);
    }

    @Test
    void eightOfNinePlannedFilesFailsCoverageLowNamingTheMissingFile() {
        ModulePlan plan = jsPlan(9, 0);
        List<GeneratedFile> files = new ArrayList<>(goodFiles(plan));
        files.remove(8);

        ModuleValidated v = validator.validate(generated(plan, files));

        assertThat(v.coverage()).isEqualTo(8.0 / 9.0);
        assertThat(v.passed()).isFalse();
        assertThat(v.retryable()).isTrue();
        ValidationIssue low = issue(v, Rules.COVERAGE_LOW);
        assertThat(low.message()).contains("8/9", "88.9% < 90%", "src/m/f8.js");
    }

    @Test
    void nineOfTenPlannedFilesIsExactlyNinetyPercentAndPasses() {
        ModulePlan plan = jsPlan(10, 0);
        List<GeneratedFile> files = new ArrayList<>(goodFiles(plan));
        files.remove(9);

        ModuleValidated v = validator.validate(generated(plan, files));

        assertThat(v.coverage()).isEqualTo(0.9);
        assertThat(rules(v)).doesNotContain(Rules.COVERAGE_LOW);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void missingCriticalFileFailsEvenAtNinetyPercentCoverage() {
        ModulePlan plan = jsPlan(10, 1);
        List<GeneratedFile> files = new ArrayList<>(goodFiles(plan));
        files.remove(0);

        ModuleValidated v = validator.validate(generated(plan, files));

        assertThat(v.coverage()).isEqualTo(0.9);
        assertThat(v.passed()).isFalse();
        assertThat(rules(v)).containsExactly(Rules.CRITICAL_MISSING);
        assertThat(issue(v, Rules.CRITICAL_MISSING).path()).isEqualTo("src/m/f0.js");
    }

    @Test
    void unresolvedRelativeRequireFailsWithItsLine() {
        ModulePlan plan = plan("services", planned("src/services/todoService.js"));
        String src = "const pool = require('../db/pool');\n\nconst Todo = require('../models/todo');\n";

        ModuleValidated v = validator.validate(generated(plan,
                List.of(file("src/services/todoService.js", src)), List.of("src/db/pool.js")));

        assertThat(v.passed()).isFalse();
        assertThat(v.issues()).extracting(ValidationIssue::rule).containsExactly(Rules.IMPORT_UNRESOLVED);
        ValidationIssue unresolved = issue(v, Rules.IMPORT_UNRESOLVED);
        assertThat(unresolved.line()).isEqualTo(3);
        assertThat(unresolved.message()).contains("'../models/todo'");
    }

    @Test
    void relativeImportsResolveToModuleFilesUpstreamFilesIndexAndJson() {
        ModulePlan plan = plan("routes", planned("src/routes/index.js"), planned("src/app.js"),
                planned("src/routes/todo.js"));
        List<GeneratedFile> files = List.of(
                file("src/routes/index.js", "const todo = require('./todo');\nmodule.exports = [todo];\n"),
                file("src/routes/todo.js", "import handler from '../handlers/todoHandler.js';\nexport default handler;\n"),
                file("src/app.js", "const routes = require('./routes');\nconst pkg = require('../package');\n"
                        + "const { x } = await import('./routes/todo');\nexport * from './routes/index.js';\n"
                        + "const express = require('express');\nimport 'dotenv/config';\n"));

        ModuleValidated v = validator.validate(generated(plan, files,
                List.of("src/handlers/todoHandler.js", "package.json")));

        assertThat(v.issues()).isEmpty();
        assertThat(v.passed()).isTrue();
    }

    @Test
    void importsInCommentsAndStringsAreNotImports() {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));
        String src = "// const x = require('./missing');\n/* import y from './gone'; */\n"
                + "const s = \"require('./nowhere')\";\nmodule.exports = s;\n";

        ModuleValidated v = validator.validate(generated(plan, List.of(file("src/utils/logger.js", src))));

        assertThat(v.issues()).isEmpty();
    }

    @Test
    void requireClimbingAboveTheProjectRootIsUnresolved() {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));
        ModuleValidated v = validator.validate(generated(plan,
                List.of(file("src/utils/logger.js", "require('../../../etc/passwd');\n"))));

        assertThat(issue(v, Rules.IMPORT_UNRESOLVED).message()).contains("above the project root");
    }

    @Test
    void badJsonFailsWithTheLineOfTheError() {
        ModulePlan plan = plan("config", critical("package.json"));
        String json = "{\n  \"name\": \"todo-api\",\n  \"version\": \"1.0.0\",,\n  \"main\": \"src/server.js\"\n}\n";

        ModuleValidated v = validator.validate(generated(plan, List.of(file("package.json", json))));

        assertThat(v.passed()).isFalse();
        ValidationIssue bad = issue(v, Rules.JSON_SYNTAX);
        assertThat(bad.path()).isEqualTo("package.json");
        assertThat(bad.line()).isEqualTo(3);
    }

    @Test
    void jsonWithTrailingDataFails() {
        ModulePlan plan = plan("config", planned("a.json"));
        ModuleValidated v = validator.validate(generated(plan, List.of(file("a.json", "{}\n{}\n"))));

        assertThat(issue(v, Rules.JSON_SYNTAX).line()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\n\n\t \n" })
    void emptyOrWhitespaceOnlyFileFails(String content) {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));

        ModuleValidated v = validator.validate(generated(plan, List.of(file("src/utils/logger.js", content))));

        assertThat(v.passed()).isFalse();
        assertThat(rules(v)).containsExactly(Rules.FILE_EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/etc/passwd", "../outside.js", "src/../../x.js", "src\\app.js", "src/a\u0000.js",
            "C:/x.js", "src//app.js", "./src/app.js", "src/" })
    void unsafePathFails(String path) {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));
        List<GeneratedFile> files = List.of(good("src/utils/logger.js"), file(path, "module.exports = 1;\n"));

        ModuleValidated v = validator.validate(generated(plan, files));

        assertThat(v.passed()).isFalse();
        assertThat(issue(v, Rules.PATH_UNSAFE).path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void generationFailedPassesTheGeneratorsRetryableFlagThrough(boolean retryable) {
        ModulePlan plan = jsPlan(3, 1);

        ModuleValidated v = validator.validate(failed(plan, "LLM timed out after 45 s", retryable));

        assertThat(v.passed()).isFalse();
        assertThat(v.retryable()).isEqualTo(retryable);
        assertThat(v.issues()).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rules.GENERATION_FAILED);
            assertThat(i.severity()).isEqualTo(Severity.ERROR);
            assertThat(i.message()).contains("LLM timed out after 45 s");
        });
        assertThat(v.attempt()).isEqualTo(2);
        assertThat(v.generationMs()).isEqualTo(45_000);
    }

    @Test
    void unplannedFileIsOnlyAWarning() {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));
        ModuleValidated v = validator.validate(generated(plan,
                List.of(good("src/utils/logger.js"), good("src/utils/extra.js"))));

        assertThat(v.passed()).isTrue();
        ValidationIssue warning = issue(v, Rules.FILE_UNPLANNED);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.path()).isEqualTo("src/utils/extra.js");
    }

    @Test
    void duplicatePathWithinTheModuleFails() {
        ModulePlan plan = plan("utils", planned("src/utils/logger.js"));
        ModuleValidated v = validator.validate(generated(plan,
                List.of(good("src/utils/logger.js"), file("src/utils/logger.js", "module.exports = 2;\n"))));

        assertThat(v.passed()).isFalse();
        assertThat(rules(v)).containsExactly(Rules.PATH_DUPLICATE);
        assertThat(issue(v, Rules.PATH_DUPLICATE).message()).contains("2 times");
    }

    @ParameterizedTest
    @ValueSource(strings = { "function list() {\n  // TODO: implement\n}\n",
            "const a = 1;\n// ... rest of the handlers\n", "const a = 1;\n/* ... existing code ... */\n",
            "function list() {\n  // ToDo: Implement\n}\n", "const a = 1;\n// … The Rest Of the handlers\n",
            "const a = 1;\n/* … EXISTING code … */\n", "function list() {\n  // Your Code Here\n}\n",
            "function list() {\n  throw new TypeError('Not Yet Implemented');\n}\n" })
    void placeholderTextFails(String content) {
        ModulePlan plan = plan("handlers", planned("src/handlers/todoHandler.js"));

        ModuleValidated v = validator.validate(generated(plan, List.of(file("src/handlers/todoHandler.js", content))));

        assertThat(v.passed()).isFalse();
        assertThat(issue(v, Rules.PLACEHOLDER).line()).isEqualTo(2);
    }

    @Test
    void oversizedFileAndModuleFailAndAnOversizedModuleIsNotForwarded() {
        String big = "x".repeat(SizeLimits.MAX_FILE_BYTES + 1);
        ModulePlan plan = jsPlan(9, 0);
        List<GeneratedFile> files = plan.files().stream()
                .map(f -> file(f.path(), "module.exports = '" + big + "';\n")).toList();

        ModuleValidated v = validator.validate(generated(plan, files));

        assertThat(v.passed()).isFalse();
        assertThat(rules(v)).contains(Rules.FILE_SIZE, Rules.MODULE_SIZE);
        assertThat(v.files()).isEmpty();
    }

    @Test
    void unbalancedJavaScriptFailsWithJsSyntaxAtTheParsersLineAndColumn() {
        ModulePlan plan = plan("handlers", planned("src/handlers/todoHandler.js"));
        String src = "function a() {\n  return [1, 2);\n}\n";

        ModuleValidated v = validator.validate(generated(plan, List.of(file("src/handlers/todoHandler.js", src))));

        assertThat(v.passed()).isFalse();
        ValidationIssue syntax = issue(v, Rules.JS_SYNTAX);
        assertThat(syntax.line()).isEqualTo(2);
        assertThat(syntax.message()).contains("2:15", "found )");
    }

    @Test
    void bracketsInsideStringsCommentsTemplatesAndRegexesAreIgnored() {
        ModulePlan plan = plan("utils", planned("src/utils/validation.js"));
        String src = """
                #!/usr/bin/env node
                'use strict';
                // a comment with ( and {
                /* a block comment ) ] } */
                const open = '(';
                const close = "}\\"";
                const re = /[(){}\\/]+/g;
                const ratio = (a, b) => a / b / 2;
                const t = `${open}${ { a: `nested ${close}` }.a } ]`;
                function check(v) {
                  if (typeof v !== 'string') return /^\\d+$/.test(String(v));
                  return re.test(v) && ratio(4, 2) > 1;
                }
                module.exports = { check, t };
                """;

        ModuleValidated v = validator.validate(generated(plan, List.of(file("src/utils/validation.js", src))));

        assertThat(v.issues()).isEmpty();
    }

    @Test
    void moduleWithoutPlanIsRejectedNotDropped() {
        ModuleGenerated g = new ModuleGenerated("c", Fixtures.RUN, "m", 1,
                dev.forgeline.contracts.messages.GenerationOutcome.GENERATED, null, false,
                List.of(good("src/a.js")), null, List.of(), "template", "w", 1);

        ModuleValidated v = validator.validate(g);

        assertThat(v.passed()).isFalse();
        assertThat(rules(v)).contains(Rules.PLAN_MISSING);
    }

    @Test
    void issuesAreBoundedWithATruncationWarning() {
        ModulePlan plan = plan("m", planned("a.js"));
        List<GeneratedFile> files = new ArrayList<>();
        files.add(good("a.js"));
        for (int k = 0; k < 700; k++) {
            files.add(good("extra/f" + k + ".js"));
        }

        ModuleValidated v = validator.validate(generated(plan, files));

        assertThat(v.issues()).hasSize(ModuleValidator.MAX_ISSUES);
        assertThat(v.issues().get(v.issues().size() - 1).rule()).isEqualTo(Rules.ISSUES_TRUNCATED);
        assertThat(v.issues().get(v.issues().size() - 1).message()).startsWith("201 more");
    }
}
