package dev.forgeline.contracts;

/** CloudEvents {@code ce_type} values and the header names carried on every record. */
public final class CloudEventTypes {
    public static final String GENERATE_MODULE = "dev.forgeline.GenerateModule";
    public static final String MODULE_GENERATED = "dev.forgeline.ModuleGenerated";
    public static final String MODULE_VALIDATED = "dev.forgeline.ModuleValidated";
    public static final String VALIDATE_RUN = "dev.forgeline.ValidateRun";
    public static final String RUN_VALIDATED = "dev.forgeline.RunValidated";
    public static final String RUN_EVENT = "dev.forgeline.RunEvent";

    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";

    private CloudEventTypes() {
    }
}
