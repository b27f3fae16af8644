package dev.forgeline.stacks.render;

import dev.forgeline.stacks.Names;

/**
 * A relation of an entity as the templates see it. A reference (many-to-one, one-to-one, or the foreign key
 * a one-to-many puts on its target) is a uuid column {@code <relation>_id} exposed as {@code <relation>Id};
 * a many-to-many is a join table with link/unlink routes under the entity.
 */
public record RelationModel(
        String kind,
        String owner,
        String ownTable,
        String name,
        String pascalName,
        String target,
        String targetVar,
        String targetTable,
        String targetRoute,
        boolean required,
        boolean unique,
        boolean implicit,
        String fieldName,
        String column,
        String onDelete,
        String constraintName,
        String indexName,
        String schemaJs,
        String segment,
        String joinTable,
        String ownColumn,
        String otherColumn,
        boolean first,
        boolean last) {

    /** A foreign-key reference: column {@code <name>_id} on {@code ownTable}, exposed as {@code <name>Id}. */
    static RelationModel reference(String kind, String owner, String ownTable, String name, String target,
            boolean required, boolean unique, boolean implicit, boolean first, boolean last) {
        String column = Names.snake(name) + "_id";
        String schemaJs = required ? "{ type: 'uuid', required: true }" : "{ type: 'uuid' }";
        return new RelationModel(kind, owner, ownTable, name, pascal(name), target, Names.lowerCamel(target),
                table(target), route(target), required, unique, implicit, name + "Id", column,
                required ? "RESTRICT" : "SET NULL", ownTable + "_" + column + "_fkey", ownTable + "_" + column + "_idx",
                schemaJs, "", "", "", "", first, last);
    }

    /** A many-to-many relation through {@code joinTable}, linked under {@code /:id/<segment>}. */
    static RelationModel manyToMany(String owner, String ownTable, String name, String target, String joinTable,
            String ownColumn, String otherColumn, boolean first, boolean last) {
        return new RelationModel("many-to-many", owner, ownTable, name, pascal(name), target, Names.lowerCamel(target),
                table(target), route(target), false, false, false, "", "", "", "", "", "",
                Names.snake(name).replace('_', '-'), joinTable, ownColumn, otherColumn, first, last);
    }

    static String table(String entity) {
        return Names.plural(Names.snake(entity));
    }

    static String route(String entity) {
        return table(entity).replace('_', '-');
    }

    static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
