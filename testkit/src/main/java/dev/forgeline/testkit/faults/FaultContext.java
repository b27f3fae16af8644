package dev.forgeline.testkit.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.forgeline.testkit.local.LocalForgeline;

/** What a scenario can reach while it injects its fault: the stack, and the clock that marks the fault. */
public final class FaultContext {
    private final LocalForgeline stack;
    private final AtomicReference<Instant> faultAt = new AtomicReference<>();
    private final List<String> failedChecks = new ArrayList<>();

    FaultContext(LocalForgeline stack) {
        this.stack = stack;
    }

    public LocalForgeline stack() {
        return stack;
    }

    /** Marks this instant as the fault (the first call wins): the recovery time is measured from here. */
    public void faultNow() {
        faultAt.compareAndSet(null, Instant.now());
    }

    /**
     * Records that a scenario's own check failed (e.g. poison records that never reached a dead-letter topic): the
     * scenario's row then does not meet the required figures, and the message is printed under it.
     */
    public synchronized void failed(String check) {
        failedChecks.add(check);
    }

    synchronized List<String> failedChecks() {
        return List.copyOf(failedChecks);
    }

    Instant faultAt() {
        return faultAt.get();
    }
}
