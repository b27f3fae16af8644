package dev.forgeline.contracts.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The field types a spec may use (DESIGN §7). */
public enum FieldType {
    STRING, TEXT, INTEGER, LONG, DECIMAL, BOOLEAN, DATE, DATETIME, UUID, JSON, ENUM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTextual() {
        return this == STRING || this == TEXT;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == DECIMAL;
    }

    public static Optional<FieldType> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(FieldType::wireName).toList());
    }
}
