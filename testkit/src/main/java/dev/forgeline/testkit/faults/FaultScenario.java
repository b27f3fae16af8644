package dev.forgeline.testkit.faults;

import dev.forgeline.testkit.local.StackOptions;

/**
 * One fault of the suite: what it does to a running stack while runs are in flight. The suite submits the runs,
 * calls {@link #inject} once work is under way, watches every run to its end and computes the figures; a scenario
 * only breaks things (and mends them if the fault is not self-healing).
 *
 * <p>A scenario that needs a stack of its own (another Kafka, a worker pointed at a fake LLM endpoint, a spec of
 * its own) says so with {@link #ownStack()} and shapes it in {@link #stack}; the others share the suite's standard
 * stack (two instances of every service).
 */
public interface FaultScenario extends AutoCloseable {

    /** The name printed in the table and accepted on the command line, e.g. {@code kill-worker}. */
    String name();

    /**
     * Breaks something while the runs are in flight. Call {@link FaultContext#faultNow()} at the moment of the
     * fault (the start of the recovery clock); if it is never called, the clock starts when this method is entered.
     * Returns once the fault is over from the scenario's side (e.g. the killed process left dead, or the restarted
     * broker up again); the suite then waits for every run to end.
     */
    void inject(FaultContext context) throws Exception;

    /** Puts back what {@link #inject} took away (e.g. restarts a killed instance) once every run has ended. */
    default void restore(FaultContext context) throws Exception {
    }

    /** True if this scenario needs its own stack, started from {@link #stack}, instead of the shared one. */
    default boolean ownStack() {
        return false;
    }

    /** Shapes the options of this scenario's own stack (called only when {@link #ownStack()}); may start servers. */
    default StackOptions stack(StackOptions standard) {
        return standard;
    }

    /** The spec every run of this scenario submits; the suite's default spec unless overridden. */
    default byte[] spec(byte[] standard) {
        return standard;
    }

    /**
     * True if every SUCCEEDED run of the same spec must hold exactly the same files (true for the template
     * generator); a scenario whose provider varies its output answers false and the file comparison is skipped.
     */
    default boolean sameFilesEveryRun() {
        return true;
    }

    /** Stops what the scenario started itself (brokers, proxies, fake endpoints). */
    @Override
    default void close() throws Exception {
    }
}
