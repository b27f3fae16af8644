package dev.forgeline.testkit.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;


/** The suite's scenarios by name, in the order the full suite runs them. */
public final class FaultScenarios {
    private static final Map<String, Supplier<FaultScenario>> ALL = new LinkedHashMap<>();

    static {
        add(NoFault::new);
        add(() -> new KillInstance("kill-worker", FaultSuite.WORKER_1));
        add(() -> new KillInstance("kill-validator", FaultSuite.VALIDATOR_1));
        add(() -> new KillInstance("kill-orchestrator", FaultSuite.ORCHESTRATOR_1));
        add(() -> new GracefulRestart("restart-worker", FaultSuite.WORKER_1));
        add(() -> new GracefulRestart("restart-validator", FaultSuite.VALIDATOR_1));
        add(() -> new GracefulRestart("restart-orchestrator", FaultSuite.ORCHESTRATOR_1));
        add(TripleDelivery::new);
        add(PoisonRecords::new);
        add(PostgresRestart::new);
        add(KafkaFault::restart);
        add(KafkaFault::brokerLoss);
        add(LlmFaults::new);
    }

    private FaultScenarios() {
    }

    /** Registers a scenario (its name is taken from a fresh instance); later registrations of a name replace it. */
    public static synchronized void add(Supplier<FaultScenario> scenario) {
        ALL.put(scenario.get().name(), scenario);
    }

    /** Every registered scenario's name, in suite order. */
    public static synchronized List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Fresh instances of the named scenarios; an unknown name fails naming the known ones. */
    public static synchronized List<FaultScenario> named(List<String> names) {
        return names.stream().map(n -> {
            Supplier<FaultScenario> s = ALL.get(n);
            if (s == null) {
                throw new IllegalArgumentException("no fault scenario '" + n + "'; known: " + String.join(", ", ALL.keySet()));
            }
            return s.get();
        }).toList();
    }

}
