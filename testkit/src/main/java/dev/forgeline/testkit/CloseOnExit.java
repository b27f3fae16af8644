package dev.forgeline.testkit;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a stop action exactly once: when asked, or at the latest when the JVM exits. */
final class CloseOnExit {
    private final Runnable action;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    CloseOnExit(String name, Runnable action) {
        this.action = action;
        this.hook = new Thread(this::runOnce, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void closeNow() {
        runOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // The JVM is exiting and the hook has run or is running; nothing to unregister.
        }
    }

    private void runOnce() {
        if (done.compareAndSet(false, true)) {
            action.run();
        }
    }
}
