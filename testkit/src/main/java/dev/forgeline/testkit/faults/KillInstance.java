package dev.forgeline.testkit.faults;

/** {@code kill -9} of one service instance while another instance of the same service runs; restarted afterwards. */
public final class KillInstance implements FaultScenario {
    private final String name;
    private final String instance;

    /** @param instance the instance's name in the stack, e.g. {@code generator-worker-1} */
    public KillInstance(String name, String instance) {
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
        context.stack().kill(instance);
    }

    @Override
    public void restore(FaultContext context) {
        context.stack().restart(instance);
    }
}
