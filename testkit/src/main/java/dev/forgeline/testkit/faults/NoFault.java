package dev.forgeline.testkit.faults;

/** The same load with no fault: the recovery column then shows how long runs wait for progress anyway. */
public final class NoFault implements FaultScenario {
    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public void inject(FaultContext context) {
        context.faultNow();
    }
}
