package dev.forgeline.stacks.render;

import java.util.List;

/**
 * One entity as the templates see it: names (class, variable, table, route), scalar fields, references,
 * many-to-many relations, writable columns and, for generated tests, the entities to create first.
 */
public final class EntityModel {
    private final String name;
    private final String varName;
    private final String pluralName;
    private final String pluralVar;
    private final String table;
    private final String route;
    private final List<FieldModel> fields;
    private final List<RelationModel> references;
    private final List<RelationModel> manyToMany;
    private final List<ColumnModel> columns;
    private final boolean first;
    private final boolean last;
    private List<EntityModel> fixtures = List.of();
    private List<RelationModel> requiredReferences = List.of();
    private String testSkip = "";

    EntityModel(String name, String varName, String pluralName, String pluralVar, String table, String route,
            List<FieldModel> fields, List<RelationModel> references, List<RelationModel> manyToMany,
            List<ColumnModel> columns, boolean first, boolean last) {
        this.name = name;
        this.varName = varName;
        this.pluralName = pluralName;
        this.pluralVar = pluralVar;
        this.table = table;
        this.route = route;
        this.fields = List.copyOf(fields);
        this.references = List.copyOf(references);
        this.manyToMany = List.copyOf(manyToMany);
        this.columns = List.copyOf(columns);
        this.first = first;
        this.last = last;
    }

    void tests(List<EntityModel> fixtures, List<RelationModel> requiredReferences, String testSkip) {
        this.fixtures = List.copyOf(fixtures);
        this.requiredReferences = List.copyOf(requiredReferences);
        this.testSkip = testSkip;
    }

    /** PascalCase entity name, e.g. {@code OrderItem}. */
    public String name() {
        return name;
    }

    /** lowerCamel name, used for variables and file names, e.g. {@code orderItem}. */
    public String varName() {
        return varName;
    }

    public String pluralName() {
        return pluralName;
    }

    public String pluralVar() {
        return pluralVar;
    }

    /** Table name: plural snake case, e.g. {@code order_items}. */
    public String table() {
        return table;
    }

    /** Route segment under {@code /api}: plural kebab case, e.g. {@code order-items}. */
    public String route() {
        return route;
    }

    public List<FieldModel> fields() {
        return fields;
    }

    public boolean hasFields() {
        return !fields.isEmpty();
    }

    public List<FieldModel> requiredFields() {
        return fields.stream().filter(FieldModel::required).toList();
    }

    /** Whether a create without a body must fail validation (a required field or reference exists). */
    public boolean hasRequiredMembers() {
        return fields.stream().anyMatch(FieldModel::required) || references.stream().anyMatch(RelationModel::required);
    }

    /** At most one field a generated test may change with PATCH. */
    public List<FieldModel> patchFields() {
        return fields.stream().filter(FieldModel::patchable).limit(1).toList();
    }

    /** Foreign-key references: many-to-one, one-to-one and the inverse side of one-to-many. */
    public List<RelationModel> references() {
        return references;
    }

    public boolean hasReferences() {
        return !references.isEmpty();
    }

    public List<RelationModel> manyToMany() {
        return manyToMany;
    }

    public boolean hasManyToMany() {
        return !manyToMany.isEmpty();
    }

    /** Every writable column (fields then references) in a stable order. */
    public List<ColumnModel> columns() {
        return columns;
    }

    /** The select list of the table: id, every writable column, created_at, updated_at. */
    public String selectList() {
        StringBuilder sb = new StringBuilder("\"id\"");
        for (ColumnModel c : columns) {
            sb.append(", \"").append(c.column()).append('"');
        }
        return sb.append(", \"created_at\", \"updated_at\"").toString();
    }

    /** For tests: the entities to create (dependencies first, this entity last) to satisfy required references. */
    public List<EntityModel> fixtures() {
        return fixtures;
    }

    public List<RelationModel> requiredReferences() {
        return requiredReferences;
    }

    /** Non-empty when the generated tests cannot create this entity (a cycle of required references). */
    public String testSkip() {
        return testSkip;
    }

    public boolean hasTestSkip() {
        return !testSkip.isEmpty();
    }

    public boolean first() {
        return first;
    }

    public boolean last() {
        return last;
    }
}
