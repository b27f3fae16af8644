package dev.forgeline.testkit.faults;

/** A rolling restart of one instance: SIGTERM, wait for it to exit, start it again and wait until it is ready. */
public final class GracefulRestart implements FaultScenario {
    private final String name;
    private final String instance;

    public GracefulRestart(String name, String instance) {
        this.name = name;
        this.instance = instance;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void inject(FaultContext context) {
        context.faultNow();
        context.stack().restart(instance);
    }
}
