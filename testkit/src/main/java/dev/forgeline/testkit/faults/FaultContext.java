package dev.forgeline.testkit.faults;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.forgeline.testkit.local.LocalForgeline;

/** What a scenario can reach while it injects its fault: the stack, and the clock that marks the fault. */
public final class FaultContext {
    private final LocalForgeline stack;
    private final AtomicReference<Instant> faultAt = new AtomicReference<>();

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

    Instant faultAt() {
        return faultAt.get();
    }
}
