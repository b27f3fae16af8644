package dev.forgeline.contracts;

import java.util.List;

/** Kafka topic names (DESIGN §2); every service refers to these constants, never to string literals. */
public final class Topics {
    public static final String MODULE_COMMANDS = "forgeline.module.commands";
    public static final String MODULE_GENERATED = "forgeline.module.generated";
    public static final String MODULE_VALIDATED = "forgeline.module.validated";
    public static final String RUN_COMMANDS = "forgeline.run.commands";
    public static final String RUN_RESULTS = "forgeline.run.results";
    public static final String RUN_EVENTS = "forgeline.run.events";

    public static final String DLQ_SUFFIX = ".dlq";
    public static final String MODULE_COMMANDS_DLQ = MODULE_COMMANDS + DLQ_SUFFIX;
    public static final String MODULE_GENERATED_DLQ = MODULE_GENERATED + DLQ_SUFFIX;
    public static final String MODULE_VALIDATED_DLQ = MODULE_VALIDATED + DLQ_SUFFIX;
    public static final String RUN_COMMANDS_DLQ = RUN_COMMANDS + DLQ_SUFFIX;
    public static final String RUN_RESULTS_DLQ = RUN_RESULTS + DLQ_SUFFIX;

    /** Every topic Forgeline uses, DLQs included: created at start-up by {@link TopicAdmin}. */
    public static final List<String> ALL = List.of(
            MODULE_COMMANDS, MODULE_GENERATED, MODULE_VALIDATED, RUN_COMMANDS, RUN_RESULTS, RUN_EVENTS,
            MODULE_COMMANDS_DLQ, MODULE_GENERATED_DLQ, MODULE_VALIDATED_DLQ, RUN_COMMANDS_DLQ, RUN_RESULTS_DLQ);

    private Topics() {
    }
}
