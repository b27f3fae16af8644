package dev.forgeline.validation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunValidated;

/** Every example project of examples/, rendered by the express-js stack, passes every module rule and the run rules. */
class GeneratedExamplesTest {
    private final ModuleValidator modules = new ModuleValidator(0.90, FileChecks.defaults());
    private final RunValidator runs = new RunValidator(0.95);

    static List<Path> examples() {
        return RenderedRun.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyModuleOfTheRenderedExamplePassesWithoutAnIssue(Path spec) {
        RenderedRun run = RenderedRun.render(spec);

        assertThat(run.modules()).hasSizeGreaterThanOrEqualTo(9);
        for (ModuleGenerated m : run.modules()) {
            ModuleValidated v = modules.validate(m);
            assertThat(v.issues()).as("%s module %s", run.name(), m.module()).isEmpty();
            assertThat(v.passed()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theRenderedExampleRunSucceedsWithEveryImportResolvedAndDeclared(Path spec) {
        RenderedRun run = RenderedRun.render(spec);

        RunValidated v = runs.validate(run.validateRun());

        assertThat(v.issues()).as(run.name()).isEmpty();
        assertThat(v.passed()).as(v.reason()).isTrue();
        assertThat(v.successRate()).isEqualTo(1.0);
        assertThat(v.counts().fullyValidated()).isEqualTo(run.modules().size());
    }
}
