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
        String column = Names.referenceColumn(name);
        String schemaJs = required ? "{ type: 'uuid', required: true }" : "{ type: 'uuid' }";
        return new RelationModel(kind, owner, ownTable, name, pascal(name), target, Names.lowerCamel(target),
                table(target), route(target), required, unique, implicit, name + "Id", column,
                required ? "RESTRICT" : "SET NULL", Names.sqlIdentifier(ownTable + "_" + column + "_fkey"),
                Names.sqlIdentifier(ownTable + "_" + column + "_idx"), schemaJs, "", "", "", "", first, last);
    }

    /** A many-to-many relation through {@code joinTable}, linked under {@code /:id/<segment>}. */
    static RelationModel manyToMany(String owner, String ownTable, String name, String target, String joinTable,
            String ownColumn, String otherColumn, boolean first, boolean last) {
        return new RelationModel("many-to-many", owner, ownTable, name, pascal(name), target, Names.lowerCamel(target),
                table(target), route(target), false, false, false, "", "", "", "", "", "",
                Names.snake(name).replace('_', '-'), joinTable, ownColumn, otherColumn, first, last);
    }

    /** Whether records may share the referenced record: false for a one-to-one (a unique foreign key). */
    public boolean shareable() {
        return !unique;
    }

    /** Whether this many-to-many links an entity to itself. */
    public boolean selfLink() {
        return owner.equals(target);
    }

    static String table(String entity) {
        return Names.table(entity);
    }

    /** Route segment under {@code /api}: the plural snake name in kebab case (never shortened). */
    static String route(String entity) {
        return Names.plural(Names.snake(entity)).replace('_', '-');
    }

    static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
