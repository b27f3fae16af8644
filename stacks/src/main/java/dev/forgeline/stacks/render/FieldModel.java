package dev.forgeline.stacks.render;

import java.util.List;

/**
 * One scalar field of an entity as the templates see it: API name, column, SQL type and constraints, the
 * validation schema entry ({@code schemaJs}) and, for the generated tests, JavaScript expressions for a valid value
 * ({@code sampleJs}), a value of the wrong type ({@code wrongTypeJs}) and a value that breaks a constraint
 * ({@code violationJs}; {@code violationInDb} when the database's own constraints reject it too). Empty strings mean
 * "none".
 */
public record FieldModel(
        String name,
        String column,
        String type,
        String sqlType,
        boolean required,
        boolean unique,
        List<String> checks,
        boolean json,
        String schemaJs,
        String sampleJs,
        boolean inSample,
        boolean patchable,
        String compare,
        boolean filterable,
        String wrongTypeJs,
        String violationJs,
        boolean violationInDb,
        boolean singleValued,
        Integer maxLength,
        boolean hasPattern,
        boolean first,
        boolean last) {

    public boolean hasWrongType() {
        return !wrongTypeJs.isEmpty();
    }

    public boolean hasViolation() {
        return !violationJs.isEmpty();
    }
}
