package dev.forgeline.testkit.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for an observable condition, checking it every {@code interval}; the harness's only way of waiting. */
final class Poll {
    private Poll() {
    }

    /** True once {@code condition} holds, false if {@code timeout} passes first. */
    static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(interval);
        }
        return true;
    }

    static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
