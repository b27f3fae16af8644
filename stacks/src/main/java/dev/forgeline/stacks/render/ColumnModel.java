package dev.forgeline.stacks.render;

/**
 * A writable column of an entity table and the API field it maps to: its type in the validation schema,
 * {@code json} when stored as jsonb, {@code filterable} when a list can be filtered by it.
 */
public record ColumnModel(String field, String column, String type, boolean json, boolean filterable,
        boolean first, boolean last) {
}
