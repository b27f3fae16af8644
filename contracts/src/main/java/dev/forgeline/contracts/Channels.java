package dev.forgeline.contracts;

/** SmallRye Reactive Messaging channel names, declared in each service's application.properties. */
public final class Channels {
    public static final String MODULE_COMMANDS_IN = "module-commands-in";
    public static final String MODULE_GENERATED_OUT = "module-generated-out";
    public static final String MODULE_GENERATED_IN = "module-generated-in";
    public static final String MODULE_VALIDATED_OUT = "module-validated-out";
    public static final String MODULE_VALIDATED_IN = "module-validated-in";
    public static final String RUN_COMMANDS_IN = "run-commands-in";
    public static final String RUN_RESULTS_OUT = "run-results-out";
    public static final String RUN_RESULTS_IN = "run-results-in";
    /** The orchestrator's single outgoing channel: the outbox relay sets the topic per record. */
    public static final String OUTBOX_OUT = "outbox-out";

    private Channels() {
    }
}
