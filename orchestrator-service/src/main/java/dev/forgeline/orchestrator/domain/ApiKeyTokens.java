package dev.forgeline.orchestrator.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key tokens: {@code flk_} and 43 base64url characters (32 random bytes), stored only as the SHA-256 hex of
 * the whole token. A fast hash is right for random 256-bit secrets: there is nothing to guess.
 */
public final class ApiKeyTokens {
    public static final String PREFIX = "flk_";
    private static final int RANDOM_BYTES = 32;
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;

    private ApiKeyTokens() {
    }

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the token has the shape of a Forgeline API key (it may still be unknown or revoked). */
    public static boolean looksLikeKey(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the token's UTF-8 bytes, lower-case hex. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
