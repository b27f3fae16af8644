package dev.forgeline.contracts.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One generated file: a relative path, its text and the SHA-256 of that text. */
public record GeneratedFile(String path, String content, String sha256) {
    public static GeneratedFile of(String path, String content) {
        return new GeneratedFile(path, content, sha256(content));
    }

    public int sizeBytes() {
        return content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
