package dev.forgeline.contracts;

/**
 * Explicit size limits (DESIGN §2). Records are bounded by {@link #MAX_RECORD_BYTES}; producers'
 * {@code max.request.size} and topics' {@code max.message.bytes} are set to it.
 */
public final class SizeLimits {
    public static final int MAX_SPEC_BYTES = 256 * 1024;
    public static final int MAX_ENTITIES = 200;
    public static final int MAX_FIELDS_PER_ENTITY = 100;
    public static final int MAX_RELATIONS_PER_ENTITY = 50;
    public static final int MAX_FILE_BYTES = 512 * 1024;
    public static final int MAX_MODULE_BYTES = 4 * 1024 * 1024;
    public static final int MAX_RUN_BYTES = 12 * 1024 * 1024;
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private SizeLimits() {
    }
}
