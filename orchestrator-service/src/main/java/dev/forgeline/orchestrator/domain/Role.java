package dev.forgeline.orchestrator.domain;

import java.util.Locale;

/** What a caller may do: {@code user} works with its tenant's runs, {@code admin} also sees all and manages keys. */
public enum Role {
    USER, ADMIN;

    /** The role's name as stored and shown ({@code user}, {@code admin}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value}, or null when it names none. */
    public static Role parse(String value) {
        if ("user".equals(value)) {
            return USER;
        }
        if ("admin".equals(value)) {
            return ADMIN;
        }
        return null;
    }
}
