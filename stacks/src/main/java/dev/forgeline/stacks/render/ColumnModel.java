package dev.forgeline.stacks.render;

/** A writable column of an entity table and the API field it maps to ({@code json}: stored as jsonb). */
public record ColumnModel(String field, String column, boolean json, boolean first, boolean last) {
}
