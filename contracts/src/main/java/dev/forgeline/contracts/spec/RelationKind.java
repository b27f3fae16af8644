package dev.forgeline.contracts.spec;

import java.util.Arrays;
import java.util.Optional;

/** The four relation kinds between entities. */
public enum RelationKind {
    MANY_TO_ONE("many-to-one"), ONE_TO_MANY("one-to-many"), ONE_TO_ONE("one-to-one"), MANY_TO_MANY("many-to-many");

    private final String wireName;

    RelationKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RelationKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(RelationKind::wireName).toList());
    }
}
