package dev.forgeline.testkit.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/**
 * Runs scenarios one after another and prints a table row for each. Scenarios without a stack of their own share
 * one standard stack: two orchestrators, two workers and two validators on the JVM-wide Kafka and PostgreSQL.
 */
public final class FaultSuite implements AutoCloseable {
    /** The instance names in the standard stack. */
    public static final String WORKER_1 = LocalForgeline.WORKER + "-1";
    public static final String VALIDATOR_1 = LocalForgeline.VALIDATOR + "-1";
    public static final String ORCHESTRATOR_1 = LocalForgeline.ORCHESTRATOR + "-1";

    private final Path logDir;
    private final int runs;
    private final Duration deadline;
    private final byte[] spec;
    private final Map<String, Map<String, String>> referenceFiles = new HashMap<>();
    private LocalForgeline shared;

    /**
     * @param logDir   where each stack's service logs go (a sub-directory per stack)
     * @param runs     runs submitted at once per scenario
     * @param deadline how long after the fault every run must have ended
     */
    public FaultSuite(Path logDir, int runs, Duration deadline) {
        this.logDir = logDir;
        this.runs = runs;
        this.deadline = deadline;
        this.spec = read(ProjectRoot.find().resolve("examples/todo-api.json"));
    }

    /** The standard stack's options: two instances of every service, fast retries, a 1 s safety-net sweep. */
    public static StackOptions standardOptions(Path logDir) {
        return StackOptions.defaults().httpPort(Ports.freePort()).logDir(logDir)
                .orchestrators(2).workers(2).validators(2)
                // A suite keeps 100+ runs in flight on the admin tenant: far above the default quotas.
                .quotas(100_000, 1_000_000)
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_INITIAL_BACKOFF", "200ms")
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_SWEEP_INTERVAL", "1s")
                // Agroal's 5 s default fails Flyway at start-up on a machine whose load is 20x its cores.
                .env(LocalForgeline.ORCHESTRATOR, "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60s");
    }

    /** Runs each scenario and prints the header, then one row per scenario (and its first problems) to {@code out}. */
    public List<FaultFigures> run(List<FaultScenario> scenarios, PrintStream out) throws Exception {
        List<FaultFigures> all = new ArrayList<>();
        out.println(FaultFigures.header());
        for (FaultScenario scenario : scenarios) {
            FaultFigures figures;
            try (scenario) {
                if (scenario.ownStack()) {
                    // Its services join the same consumer groups: a shared stack still running on the same broker
                    // would take half of the partitions and apply the own stack's verdicts to its own database.
                    if (shared != null) {
                        shared.close();
                        shared = null;
                    }
                    StackOptions options = scenario.stack(standardOptions(logDir.resolve(scenario.name())));
                    try (LocalForgeline own = LocalForgeline.start(options)) {
                        figures = runOne(scenario, own);
                    }
                } else {
                    figures = runOne(scenario, sharedStack());
                }
            } catch (Exception | AssertionError e) {
                // One scenario that cannot even run is a failed row, not the end of the suite.
                figures = FaultFigures.broken(scenario.name(), e.toString());
                if (!scenario.ownStack() && shared != null) {
                    shared.close();
                    shared = null;
                }
            }
            all.add(figures);
            out.println(figures.row());
            figures.failedChecks().forEach(c -> out.println("    check failed: " + c));
            figures.problems().stream().limit(8).forEach(p -> out.println("    " + p));
            out.flush();
        }
        return all;
    }

    private FaultFigures runOne(FaultScenario scenario, LocalForgeline stack) throws Exception {
        byte[] scenarioSpec = scenario.spec(spec);
        String key = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(scenarioSpec));
        FaultRun run = new FaultRun(stack, scenarioSpec, runs, deadline, Duration.ofSeconds(30),
                referenceFiles.getOrDefault(key, Map.of()), scenario.sameFilesEveryRun());
        FaultFigures figures = run.run(scenario);
        if (scenario.sameFilesEveryRun() && !run.referenceFiles().isEmpty()) {
            referenceFiles.putIfAbsent(key, run.referenceFiles());
        }
        return figures;
    }

    private LocalForgeline sharedStack() {
        if (shared == null) {
            shared = LocalForgeline.start(standardOptions(logDir.resolve("shared")));
        }
        return shared;
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
