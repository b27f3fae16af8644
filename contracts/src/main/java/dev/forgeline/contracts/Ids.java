package dev.forgeline.contracts;

import java.security.SecureRandom;
import java.util.UUID;

/** Generates time-ordered UUIDv7 ids (RFC 9562): never fixed strings, never reused across runs. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID uuidV7() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static String commandId(UUID runId, String module, int attempt) {
        return runId + "/" + module + "/" + attempt;
    }
}
