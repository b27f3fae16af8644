package dev.forgeline.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The token the CLI sends as {@code Authorization: Bearer} and where it came from ({@code FORGELINE_TOKEN} or
 * {@code --token-file PATH}), for messages that name the source and never the token.
 */
public record Credentials(String token, String source) {
    /** The environment variable the CLI reads its token from. */
    public static final String TOKEN_ENV = "FORGELINE_TOKEN";

    /** No token: requests go out anonymous and a gateway that requires one answers 401. */
    public static final Credentials NONE = new Credentials(null, TOKEN_ENV);

    public Credentials {
        if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // Never echo the value: it may be most of a secret.
            throw new IllegalArgumentException(source + " holds spaces or control characters inside the token; "
                    + "it must be the key or token alone");
        }
    }

    /**
     * The token from {@code tokenFile} if given, else {@code FORGELINE_TOKEN}, else, for a gateway on this machine,
     * the admin key a running {@code forgeline up} left in {@code upKeyFile}, else none.
     */
    public static Credentials resolve(Path tokenFile, Map<String, String> environment, Path upKeyFile, URI api) {
        Credentials given = resolve(tokenFile, environment);
        if (given.present()) {
            return given;
        }
        String upKey = UpKeyFile.readFor(upKeyFile, api);
        return upKey == null ? NONE : new Credentials(upKey, UpKeyFile.RELATIVE + ", written by forgeline up");
    }

    /** The token from {@code tokenFile} if given, else {@code FORGELINE_TOKEN}, else none. */
    public static Credentials resolve(Path tokenFile, Map<String, String> environment) {
        if (tokenFile != null) {
            String source = "--token-file " + tokenFile;
            String text;
            try {
                text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + source + ": "
                        + (Files.exists(tokenFile) ? e.getMessage() : "no such file"));
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException(source + " is empty");
            }
            return new Credentials(text, source);
        }
        String value = environment.get(TOKEN_ENV);
        return value == null || value.isBlank() ? NONE : new Credentials(value.strip(), TOKEN_ENV);
    }

    /** The credentials of a stack this process started with its admin key. */
    public static Credentials adminKey(String key) {
        return new Credentials(key, "the admin key");
    }

    public boolean present() {
        return token != null;
    }

    @Override
    public String toString() {
        return "Credentials[" + source + (present() ? "" : ", none") + "]";
    }
}
