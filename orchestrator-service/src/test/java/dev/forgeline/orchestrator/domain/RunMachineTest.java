package dev.forgeline.orchestrator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunCounts;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;

/** Every transition and every guard of the run state machine, on values only: no Kafka, no database. */
class RunMachineTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final RunRules RULES = new RunRules(3, Duration.ofSeconds(3), 2, Duration.ofMinutes(2),
            Duration.ofMinutes(5));
    private static final RunMachine MACHINE = new RunMachine(RULES);
    private static final UUID RUN = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    // config and database are independent; models and services chain on database.
    private static RunPlan plan(String provider) {
        ProjectSpec spec = new ProjectSpec("shop", null, "express-js", new GeneratorSettings(provider, null, null),
                null, List.of());
        return new RunPlan("express-js", spec, List.of(
                module("config", false, "package.json"),
                module("database", true, "src/db/pool.js"),
                module("models", true, "src/models/index.js", "database"),
                module("services", true, "src/services/index.js", "models")));
    }

    private static ModulePlan module(String name, boolean critical, String path, String... dependsOn) {
        return new ModulePlan(name, critical, Arrays.asList(dependsOn), List.of(new PlannedFile(path, critical, null, null)));
    }

    /** A new run: config and database dispatched (attempt 1), models and services pending. */
    private static RunState started() {
        return MACHINE.create(RUN, plan("template"), "shop", T0).state();
    }

    private static RunState after(RunState state, RunInput... inputs) {
        for (RunInput input : inputs) {
            state = MACHINE.apply(RUN, state, input).state();
        }
        return state;
    }

    private static ModuleValidated pass(String module, int attempt, String... paths) {
        List<GeneratedFile> files = Arrays.stream(paths).map(p -> GeneratedFile.of(p, "// " + p)).toList();
        return new ModuleValidated(RUN + "/" + module + "/" + attempt, RUN, module, attempt, true, true, 1.0, List.of(),
                files, "template", "w1", 5, 6);
    }

    private static ModuleValidated reject(String module, int attempt, boolean retryable) {
        return new ModuleValidated(RUN + "/" + module + "/" + attempt, RUN, module, attempt, false, retryable, 0.5,
                List.of(ValidationIssue.error("src/x.js", 3, "js.syntax", "broken")), List.of(), "template", "w1", 5, 6);
    }

    private static RunInput verdict(ModuleValidated v, Instant at) {
        return new RunInput.ModuleVerdict(v, at);
    }

    private static RunInput.ModuleVerdict verdict(ModuleValidated v) {
        return new RunInput.ModuleVerdict(v, T0.plusSeconds(1));
    }

    private static RunValidated runVerdict(int validation, boolean passed) {
        return new RunValidated(RUN + "/validate/" + validation, RUN, validation, passed, passed ? 1.0 : 0.5, List.of(),
                List.of(), List.of(), new RunCounts(4, 4, 0, 0), passed ? "SUCCEEDED: ok" : "FAILED: on purpose", 1);
    }

    /** Every module validated: the run is VALIDATING with validation 1. */
    private static RunState validating() {
        return after(started(), verdict(pass("config", 1, "package.json")), verdict(pass("database", 1, "src/db/pool.js")),
                verdict(pass("models", 1, "src/models/index.js")), verdict(pass("services", 1, "src/services/index.js")));
    }

    /** database rejected without retry: FAILED, models and services SKIPPED, config still dispatched. */
    private static RunState databaseFailed() {
        return after(started(), verdict(reject("database", 1, false)));
    }

    private static RunState finishedFailed() {
        RunState s = after(databaseFailed(), verdict(pass("config", 1, "package.json")));
        return after(s, new RunInput.RunVerdict(runVerdict(1, false), T0.plusSeconds(2)));
    }

    private static RunState cancelled() {
        return after(started(), new RunInput.Cancel(T0.plusSeconds(1)));
    }

    // ---- guards: an input that does not apply changes nothing and emits nothing ----------------------------------

    static Stream<Arguments> ignoredInputs() {
        return Stream.of(
                ignored("a duplicate verdict of a validated module",
                        () -> after(started(), verdict(pass("database", 1, "src/db/pool.js"))),
                        verdict(pass("database", 1, "src/db/pool.js"))),
                ignored("a verdict for an attempt never dispatched (stale)", RunMachineTest::started,
                        verdict(reject("database", 7, true))),
                ignored("a verdict of an older attempt after a retry was dispatched",
                        () -> after(started(), verdict(reject("database", 1, true)), new RunInput.Timers(T0.plusSeconds(10))),
                        verdict(pass("database", 1, "src/db/pool.js"))),
                ignored("a verdict for a module still pending", RunMachineTest::started,
                        verdict(pass("models", 1, "src/models/index.js"))),
                ignored("a verdict for a module the run does not have", RunMachineTest::started,
                        verdict(pass("frontend", 1, "a.js"))),
                ignored("a late verdict for a cancelled run", RunMachineTest::cancelled,
                        verdict(pass("database", 1, "src/db/pool.js"))),
                ignored("a late verdict for a run already validating", RunMachineTest::validating,
                        verdict(pass("services", 1, "src/services/index.js"))),
                ignored("a late verdict for a timed-out run",
                        () -> after(started(), new RunInput.Deadline(T0.plus(Duration.ofMinutes(6)))),
                        verdict(pass("database", 1, "src/db/pool.js"))),
                ignored("a run verdict of another validation", RunMachineTest::validating,
                        new RunInput.RunVerdict(runVerdict(2, true), T0.plusSeconds(3))),
                ignored("a run verdict for a run still running", RunMachineTest::started,
                        new RunInput.RunVerdict(runVerdict(1, true), T0.plusSeconds(3))),
                ignored("a duplicate run verdict", () -> after(validating(),
                        new RunInput.RunVerdict(runVerdict(1, true), T0.plusSeconds(3))),
                        new RunInput.RunVerdict(runVerdict(1, false), T0.plusSeconds(4))),
                ignored("timers with no lease expired and no retry due", RunMachineTest::started,
                        new RunInput.Timers(T0.plusSeconds(1))),
                ignored("timers before a scheduled retry is due",
                        () -> after(started(), verdict(reject("database", 1, true))),
                        new RunInput.Timers(T0.plusSeconds(2))),
                ignored("timers for a run that is not running", RunMachineTest::cancelled,
                        new RunInput.Timers(T0.plus(Duration.ofMinutes(3)))),
                ignored("a deadline not reached yet", RunMachineTest::started,
                        new RunInput.Deadline(T0.plus(Duration.ofMinutes(4)))),
                ignored("a deadline for a finished run", RunMachineTest::cancelled,
                        new RunInput.Deadline(T0.plus(Duration.ofMinutes(6)))));
    }

    private static Arguments ignored(String name, Supplier<RunState> given, RunInput input) {
        return Arguments.of(name, given, input);
    }

    @ParameterizedTest(name = "{0} is ignored")
    @MethodSource("ignoredInputs")
    void inputsThatDoNotApplyChangeNothing(String name, Supplier<RunState> given, RunInput input) {
        RunState state = given.get();
        Transition t = MACHINE.apply(RUN, state, input);
        assertThat(t.applied()).as(name).isFalse();
        assertThat(t.changes()).as(name).isEmpty();
        assertThat(t.outgoing()).as(name).isEmpty();
        assertThat(t.state()).as(name).isSameAs(state);
    }

    @Test
    void inputsForARunThatDoesNotExistAreIgnoredButControlRequestsAreNotFound() {
        assertThat(MACHINE.apply(RUN, null, verdict(pass("database", 1))).applied()).isFalse();
        assertThat(MACHINE.apply(RUN, null, new RunInput.Timers(T0)).applied()).isFalse();
        assertThatThrownBy(() -> MACHINE.apply(RUN, null, new RunInput.Cancel(T0)))
                .isInstanceOf(DomainException.NotFound.class).hasMessageContaining(RUN.toString());
        assertThatThrownBy(() -> MACHINE.apply(RUN, null, new RunInput.Replay(null, T0)))
                .isInstanceOf(DomainException.NotFound.class);
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                refused("a replay of a run still running", RunMachineTest::started, new RunInput.Replay(null, T0),
                        DomainException.Conflict.class, "only a finished run can be replayed"),
                refused("a replay of a run where every module passed",
                        () -> after(validating(), new RunInput.RunVerdict(runVerdict(1, true), T0.plusSeconds(3))),
                        new RunInput.Replay(List.of(), T0), DomainException.Conflict.class, "name the modules"),
                refused("a replay naming an unknown module", RunMachineTest::finishedFailed,
                        new RunInput.Replay(List.of("frontend"), T0), DomainException.Invalid.class, "no module 'frontend'"),
                refused("a cancel of a finished run", RunMachineTest::cancelled, new RunInput.Cancel(T0),
                        DomainException.Conflict.class, "already CANCELLED"));
    }

    private static Arguments refused(String name, Supplier<RunState> given, RunInput input,
            Class<? extends DomainException> error, String message) {
        return Arguments.of(name, given, input, error, message);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusedRequests")
    void controlRequestsThatContradictTheStateAreRefused(String name, Supplier<RunState> given, RunInput input,
            Class<? extends DomainException> error, String message) {
        assertThatThrownBy(() -> MACHINE.apply(RUN, given.get(), input)).as(name).isInstanceOf(error)
                .hasMessageContaining(message);
    }

    // ---- transitions --------------------------------------------------------------------------------------------

    static Stream<Arguments> transitions() {
        return Stream.of(
                transition("creating a run moves it to RUNNING and dispatches the independent modules, head of the"
                        + " longest chain first", RunMachineTest::started, null, t -> {
                    assertThat(runStatuses(t)).containsExactly("QUEUED", "RUNNING");
                    assertThat(dispatched(t)).containsExactly("database/1", "config/1");
                    assertThat(status(t, "models")).isEqualTo(ModuleStatus.PENDING);
                    assertThat(t.state().module("database").leaseUntil).isEqualTo(T0.plus(Duration.ofMinutes(2)));
                    assertThat(t.state().deadlineAt).isEqualTo(T0.plus(Duration.ofMinutes(5)));
                    assertThat(t.changes()).filteredOn(Change.AttemptStarted.class::isInstance).hasSize(2);
                }),
                transition("a passed verdict validates the module, stores its files and dispatches its dependents",
                        RunMachineTest::started, verdict(pass("database", 1, "src/db/pool.js")), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.VALIDATED);
                    assertThat(t.state().module("database").fileCount).isEqualTo(1);
                    assertThat(t.changes()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                            Change.AttemptJudged.class, j -> assertThat(j.status()).isEqualTo(AttemptStatus.PASSED)));
                    assertThat(t.changes()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                            Change.FilesAccepted.class, f -> assertThat(f.module()).isEqualTo("database")));
                    assertThat(dispatched(t)).containsExactly("models/1");
                    assertThat(t.state().fileOwners).containsEntry("src/db/pool.js", "database");
                }),
                transition("a passed verdict writing another module's path fails the module and skips its dependents",
                        () -> after(started(), verdict(pass("config", 1, "package.json"))),
                        verdict(pass("database", 1, "src/db/pool.js", "package.json")), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.FAILED);
                    assertThat(t.state().module("database").reason).contains("path conflict")
                            .contains("package.json (already written by config)");
                    assertThat(t.changes()).noneMatch(Change.FilesAccepted.class::isInstance);
                    assertThat(status(t, "models")).isEqualTo(ModuleStatus.SKIPPED);
                    assertThat(status(t, "services")).isEqualTo(ModuleStatus.SKIPPED);
                }),
                transition("a retryable rejection schedules the next attempt after the backoff",
                        RunMachineTest::started, verdict(reject("database", 1, true)), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.RETRY_SCHEDULED);
                    assertThat(t.state().module("database").nextAttemptAt).isEqualTo(T0.plusSeconds(4));
                    assertThat(t.state().nextRetryAt()).isEqualTo(T0.plusSeconds(4));
                    assertThat(t.state().module("database").reason).startsWith("attempt 1 rejected: js.syntax");
                    assertThat(t.changes()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                            Change.AttemptJudged.class, j -> assertThat(j.status()).isEqualTo(AttemptStatus.REJECTED)));
                    assertThat(dispatched(t)).isEmpty();
                }),
                transition("a due retry is dispatched as the next attempt with the previous issues",
                        () -> after(started(), verdict(reject("database", 1, true))),
                        new RunInput.Timers(T0.plusSeconds(4)), t -> {
                    assertThat(dispatched(t)).containsExactly("database/2");
                    assertThat(generated(t).get(0).command().previousIssues()).extracting(ValidationIssue::rule)
                            .containsExactly("js.syntax");
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.DISPATCHED);
                }),
                transition("a rejection of the last allowed attempt fails the module and skips its dependents",
                        () -> after(started(), verdict(reject("database", 1, true)), new RunInput.Timers(T0.plusSeconds(4)),
                                verdict(reject("database", 2, true), T0.plusSeconds(5)),
                                new RunInput.Timers(T0.plusSeconds(20))),
                        verdict(reject("database", 3, true), T0.plusSeconds(21)), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.FAILED);
                    assertThat(t.state().module("database").reason).startsWith("attempts spent (3/3)");
                    assertThat(status(t, "models")).isEqualTo(ModuleStatus.SKIPPED);
                }),
                transition("a non-retryable rejection fails the module at once", RunMachineTest::started,
                        verdict(reject("database", 1, false)), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.FAILED);
                    assertThat(t.state().module("database").reason).startsWith("not retryable");
                    assertThat(t.state().module("models").reason).isEqualTo("dependency database FAILED");
                }),
                transition("the last module terminal starts the run validation with every module's outcome",
                        () -> after(started(), verdict(pass("config", 1, "package.json")),
                                verdict(pass("database", 1, "src/db/pool.js")), verdict(pass("models", 1, "src/models/index.js"))),
                        verdict(pass("services", 1, "src/services/index.js")), t -> {
                    assertThat(t.state().status).isEqualTo(RunStatus.VALIDATING);
                    assertThat(t.state().validations).isEqualTo(1);
                    Outgoing.Validate validate = (Outgoing.Validate) t.outgoing().get(t.outgoing().size() - 1);
                    assertThat(validate.command().commandId()).isEqualTo(RUN + "/validate/1");
                    assertThat(validate.command().modules()).hasSize(4)
                            .allSatisfy(m -> assertThat(m.status()).isEqualTo(ModuleStatus.VALIDATED));
                    assertThat(validate.command().modules()).filteredOn(m -> m.module().equals("database"))
                            .singleElement().satisfies(m -> assertThat(m.criticalFiles()).containsExactly("src/db/pool.js"));
                }),
                transition("an expired lease gets a new attempt", RunMachineTest::started,
                        new RunInput.Timers(T0.plus(Duration.ofMinutes(3))), t -> {
                    assertThat(t.changes()).filteredOn(Change.AttemptExpired.class::isInstance).hasSize(2);
                    assertThat(dispatched(t)).containsExactlyInAnyOrder("database/2", "config/2");
                    assertThat(t.state().module("database").reason).contains("got no result within PT2M");
                }),
                transition("an expired lease of the last allowed attempt fails the module",
                        () -> after(started(), new RunInput.Timers(T0.plus(Duration.ofMinutes(3))),
                                new RunInput.Timers(T0.plus(Duration.ofMinutes(6)))),
                        new RunInput.Timers(T0.plus(Duration.ofMinutes(9))), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.FAILED);
                    assertThat(t.state().module("database").reason).startsWith("attempts spent (3/3): no result");
                    assertThat(dispatched(t)).isEmpty();
                }),
                transition("a run past its deadline is TIMED_OUT and its unfinished modules CANCELLED",
                        RunMachineTest::started, new RunInput.Deadline(T0.plus(Duration.ofMinutes(5))), t -> {
                    assertThat(t.state().status).isEqualTo(RunStatus.TIMED_OUT);
                    assertThat(t.state().reason).startsWith("TIMED_OUT: the run was still RUNNING")
                            .contains("unfinished modules: config DISPATCHED");
                    assertThat(t.state().modules.values()).allSatisfy(
                            m -> assertThat(m.status).isEqualTo(ModuleStatus.CANCELLED));
                }),
                transition("a passing run verdict makes the run SUCCEEDED with the report", RunMachineTest::validating,
                        new RunInput.RunVerdict(runVerdict(1, true), T0.plusSeconds(3)), t -> {
                    assertThat(t.state().status).isEqualTo(RunStatus.SUCCEEDED);
                    assertThat(t.state().successRate).isEqualTo(1.0);
                    assertThat(t.state().report).contains("SUCCEEDED: ok");
                    assertThat(t.state().finishedAt).isEqualTo(T0.plusSeconds(3));
                }),
                transition("a failing run verdict makes the run FAILED with its reason", RunMachineTest::validating,
                        new RunInput.RunVerdict(runVerdict(1, false), T0.plusSeconds(3)), t -> {
                    assertThat(t.state().status).isEqualTo(RunStatus.FAILED);
                    assertThat(t.state().reason).isEqualTo("FAILED: on purpose");
                }),
                transition("a replay re-dispatches the failed and skipped modules and keeps the validated ones",
                        RunMachineTest::finishedFailed, new RunInput.Replay(null, T0.plusSeconds(10)), t -> {
                    assertThat(t.state().status).isEqualTo(RunStatus.RUNNING);
                    assertThat(t.state().deadlineAt).isEqualTo(T0.plusSeconds(10).plus(Duration.ofMinutes(5)));
                    assertThat(t.changes()).filteredOn(Change.FilesDeleted.class::isInstance)
                            .extracting(c -> ((Change.FilesDeleted) c).module())
                            .containsExactly("database", "models", "services");
                    assertThat(dispatched(t)).containsExactly("database/2");
                    assertThat(status(t, "config")).isEqualTo(ModuleStatus.VALIDATED);
                    assertThat(t.state().module("database").maxAttempts).isEqualTo(4);
                    assertThat(t.state().report).isNull();
                }),
                transition("a replay of a named module regenerates it and everything downstream", () -> after(
                        validating(), new RunInput.RunVerdict(runVerdict(1, true), T0.plusSeconds(3))),
                        new RunInput.Replay(List.of("models"), T0.plusSeconds(10)), t -> {
                    assertThat(t.changes()).filteredOn(Change.FilesDeleted.class::isInstance)
                            .extracting(c -> ((Change.FilesDeleted) c).module()).containsExactly("models", "services");
                    assertThat(dispatched(t)).containsExactly("models/2");
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.VALIDATED);
                    assertThat(t.state().fileOwners).doesNotContainValue("models").containsValue("database");
                }),
                transition("a verdict whose files would push the run over MAX_RUN_BYTES fails the module for good",
                        () -> {
                            RunState s = after(started(), verdict(pass("config", 1, "package.json")));
                            s.moduleBytes.put("config", (long) SizeLimits.MAX_RUN_BYTES - 5);
                            return s;
                        }, verdict(pass("database", 1, "src/db/pool.js")), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.FAILED);
                    assertThat(t.state().module("database").reason).startsWith("run size limit")
                            .contains(String.valueOf(SizeLimits.MAX_RUN_BYTES));
                    assertThat(t.changes()).noneMatch(Change.FilesAccepted.class::isInstance);
                    assertThat(dispatched(t)).isEmpty();
                }),
                transition("a module's own earlier files do not count against the run size limit", () -> {
                    RunState s = after(started(), verdict(pass("config", 1, "package.json")));
                    s.moduleBytes.put("config", 100L);
                    s.moduleBytes.put("database", (long) SizeLimits.MAX_RUN_BYTES - 100);
                    return s;
                }, verdict(pass("database", 1, "src/db/pool.js")), t -> {
                    assertThat(status(t, "database")).isEqualTo(ModuleStatus.VALIDATED);
                    assertThat(t.state().moduleBytes).containsEntry("database", 17L);
                }),
                transition("a cancel ends the run and every unfinished module", RunMachineTest::started,
                        new RunInput.Cancel(T0.plusSeconds(1)), t -> {
                    assertThat(t.state().status).isEqualTo(RunStatus.CANCELLED);
                    assertThat(t.state().reason).isEqualTo("CANCELLED: cancelled by request while RUNNING");
                    assertThat(t.state().modules.values()).allSatisfy(m -> {
                        assertThat(m.status).isEqualTo(ModuleStatus.CANCELLED);
                        assertThat(m.leaseUntil).isNull();
                    });
                    assertThat(runStatuses(t)).containsExactly("CANCELLED");
                }),
                transition("an LLM run's command names every upstream module, a template run's none",
                        () -> after(MACHINE.create(RUN, plan("llm"), "shop", T0).state(),
                                verdict(pass("database", 1, "src/db/pool.js"))),
                        verdict(pass("models", 1, "src/models/index.js")), t -> {
                    assertThat(generated(t)).singleElement().satisfies(g -> {
                        assertThat(g.command().module()).isEqualTo("services");
                        assertThat(g.upstreamModules()).containsExactlyInAnyOrder("models", "database");
                    });
                }));
    }

    private static Arguments transition(String name, Supplier<RunState> given, RunInput input, Consumer<Transition> then) {
        return Arguments.of(name, given, input, then);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void transitionsChangeTheRunAndEmitWhatFollows(String name, Supplier<RunState> given, RunInput input,
            Consumer<Transition> then) {
        Transition t;
        if (input == null) {
            t = MACHINE.create(RUN, plan("template"), "shop", T0);
        } else {
            RunState state = given.get();
            RunState snapshot = state.copy();
            t = MACHINE.apply(RUN, state, input);
            assertThat(t.applied()).as(name).isTrue();
            assertThat(state).as("the input value is not changed").usingRecursiveComparison().isEqualTo(snapshot);
        }
        assertThat(t.outgoing()).as("every transition is announced").isNotEmpty();
        then.accept(t);
    }

    @Test
    void everyEmittedEventCarriesTheRunAndTheTransitionTime() {
        Transition t = MACHINE.apply(RUN, started(), verdict(pass("database", 1, "src/db/pool.js")));
        assertThat(events(t)).isNotEmpty().allSatisfy(e -> {
            assertThat(e.runId()).isEqualTo(RUN);
            assertThat(e.at()).isEqualTo(T0.plusSeconds(1));
        });
    }

    @Test
    void backoffDoublesFromTheInitialDelay() {
        assertThat(List.of(RULES.backoff(1), RULES.backoff(2), RULES.backoff(3)))
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12));
    }

    private static ModuleStatus status(Transition t, String module) {
        return t.state().module(module).status;
    }

    private static List<RunEvent> events(Transition t) {
        return t.outgoing().stream().filter(Outgoing.Event.class::isInstance).map(o -> ((Outgoing.Event) o).event())
                .toList();
    }

    private static List<String> runStatuses(Transition t) {
        return events(t).stream().filter(e -> e.module() == null).map(RunEvent::status).toList();
    }

    private static List<Outgoing.Generate> generated(Transition t) {
        return t.outgoing().stream().filter(Outgoing.Generate.class::isInstance).map(o -> (Outgoing.Generate) o)
                .toList();
    }

    private static List<String> dispatched(Transition t) {
        return generated(t).stream().map(g -> g.command().module() + "/" + g.command().attempt()).toList();
    }
}
