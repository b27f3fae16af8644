package dev.forgeline.stacks.render;

import java.util.List;

/**
 * One scalar field of an entity as the templates see it: API name, column, SQL type and constraints, the
 * validation schema entry ({@code schemaJs}) and, for generated tests, a sample value expression.
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
        boolean first,
        boolean last) {
}
