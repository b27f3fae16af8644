package dev.forgeline.stacks.render;

/**
 * The join table of a many-to-many relation: two uuid columns referencing the two entity tables, and the name of
 * the index on the second column.
 */
public record JoinTableModel(String table, String leftColumn, String leftTable, String rightColumn,
        String rightTable, String indexName) {
}
