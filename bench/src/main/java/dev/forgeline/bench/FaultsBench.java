package dev.forgeline.bench;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.StderrLogging;
import dev.forgeline.testkit.faults.FaultFigures;
import dev.forgeline.testkit.faults.FaultScenarios;
import dev.forgeline.testkit.faults.FaultSuite;

/**
 * The fault suite at full size: each scenario with {@code runs} template runs in flight (default 100) on real
 * Kafka and PostgreSQL, the services as processes; prints one row per scenario and exits 1 if a required figure
 * (0 lost, wrong, duplicated, stuck, 5xx on reads) is not met. Recovery times are printed, not asserted.
 * Usage: {@code bench/run faults [runs-per-scenario=100] [scenario…]} (all scenarios when none is named).
 */
public final class FaultsBench {
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        int runs = 100;
        List<String> names = FaultScenarios.names();
        if (args.length > 0) {
            try {
                runs = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("runs-per-scenario must be a whole number, got '" + args[0] + "'");
                System.exit(2);
            }
            if (runs < 1) {
                System.err.println("runs-per-scenario must be at least 1, got " + runs);
                System.exit(2);
            }
            if (args.length > 1) {
                names = Arrays.asList(args).subList(1, args.length);
            }
        }
        var scenarios = FaultScenarios.named(names);
        System.out.printf("fault suite: %d runs per scenario, %s; %s, %d cores, %s%n", runs, names,
                InetAddress.getLocalHost().getHostName(), Runtime.getRuntime().availableProcessors(), Instant.now());
        try (FaultSuite suite = new FaultSuite(ProjectRoot.find().resolve("bench/target/service-logs/faults"), runs,
                DEADLINE)) {
            List<FaultFigures> figures = suite.run(scenarios, System.out);
            long failed = figures.stream().filter(f -> !f.correct()).count();
            System.out.printf("%d of %d scenarios met every required figure%n", figures.size() - failed,
                    figures.size());
            System.exit(failed == 0 ? 0 : 1);
        }
    }
}
