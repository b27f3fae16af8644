package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.faults.FaultFigures;
import dev.forgeline.testkit.faults.FaultScenarios;
import dev.forgeline.testkit.faults.FaultSuite;

/**
 * The fault suite's core at CI size: every scenario ({@code kill -9} and SIGTERM of each service with a second
 * instance running, broker restart, broker loss in a 3-node cluster, PostgreSQL restart, triple delivery, poison
 * records, LLM endpoint faults) with {@value #RUNS} runs in flight; every run must end SUCCEEDED with nothing lost, duplicated or
 * stuck, and the read endpoints never answer a 5xx other than 503. Recovery times are printed, never asserted
 * (the machine is shared); {@code bench/run faults} shows them at full size.
 */
class FaultSuiteIT {
    private static final int RUNS = 30;
    private static FaultSuite suite;

    @BeforeAll
    static void start() {
        suite = new FaultSuite(ProjectRoot.find().resolve("e2e/target/service-logs/faults"), RUNS,
                Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    static Stream<String> scenarios() {
        return FaultScenarios.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRunEndsSucceededWithNothingLostDuplicatedOrStuck(String scenario) throws Exception {
        FaultFigures f = suite.run(FaultScenarios.named(List.of(scenario)), System.out).get(0);

        assertThat(f.failedChecks()).as("the scenario's own checks").isEmpty();
        assertThat(f.lost()).as("lost runs; %s", f.problems()).isZero();
        assertThat(f.wrong()).as("runs with a wrong status or wrong files; %s", f.problems()).isZero();
        assertThat(f.duplicated()).as("runs with duplicate attempts or files; %s", f.problems()).isZero();
        assertThat(f.stuck()).as("runs not ended by the deadline; %s", f.problems()).isZero();
        assertThat(f.serverErrors()).as("5xx (other than 503) on read endpoints; %s", f.problems()).isZero();
        assertThat(f.succeeded()).isEqualTo(f.submitted()).isEqualTo(RUNS);
        assertThat(f.reads()).as("the read endpoints were polled during the fault").isPositive();
    }
}
