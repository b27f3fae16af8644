package dev.forgeline.stacks.render;

import java.util.List;

/**
 * One entity as the templates see it: names (class, variable, table, route), scalar fields, references,
 * many-to-many relations, writable columns and what its generated tests need (which records to create first,
 * which field to break, whether the table can hold more than one record).
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
    private boolean singleton;
    private List<RelationModel> filterReferences = List.of();
    private List<FieldModel> filterFields = List.of();
    private List<RelationModel> setNullCases = List.of();

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

    private String exampleJson = "{}";

    void exampleJson(String json) {
        this.exampleJson = json;
    }

    /** A valid create body (shell-quoted for single quotes), for the README. */
    public String exampleJson() {
        return exampleJson;
    }

    void singleton(boolean value) {
        this.singleton = value;
    }

    /** PascalCase entity name, e.g. {@code OrderItem}. */
    public String name() {
        return name;
    }

    /** lowerCamel name, used for file names and in identifiers with a suffix, e.g. {@code orderItemService}. */
    public String varName() {
        return varName;
    }

    public String pluralName() {
        return pluralName;
    }

    public String pluralVar() {
        return pluralVar;
    }

    /** Table name: plural snake case, e.g. {@code order_items} (shortened with a hash beyond 63 characters). */
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

    public List<RelationModel> requiredReferences() {
        return references.stream().filter(RelationModel::required).toList();
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

    /** Columns a list can be filtered by: every field but json ones, and every reference. */
    public List<ColumnModel> filterColumns() {
        return columns.stream().filter(ColumnModel::filterable).toList();
    }

    /** The select list of the table: id, every writable column, created_at, updated_at. */
    public String selectList() {
        StringBuilder sb = new StringBuilder("\"id\"");
        for (ColumnModel c : columns) {
            sb.append(", \"").append(c.column()).append('"');
        }
        return sb.append(", \"created_at\", \"updated_at\"").toString();
    }

    // ---------------------------------------------------------------------------------------- generated tests

    /** Fields the test payload sets. */
    public List<FieldModel> sampleFields() {
        return fields.stream().filter(FieldModel::inSample).toList();
    }

    /**
     * Whether the table can hold at most one record: a required unique field with a single possible value, or a
     * required one-to-one reference to such an entity. The tests then create one record at a time.
     */
    public boolean singleton() {
        return singleton;
    }

    /** How many records the pagination test creates. */
    public int listCount() {
        return singleton ? 1 : 2;
    }

    /** Whether a payload can be posted twice to provoke a unique violation (409). */
    public boolean hasUniqueInPayload() {
        return fields.stream().anyMatch(f -> f.inSample() && f.unique())
                || references.stream().anyMatch(r -> r.required() && r.unique());
    }

    /** The field whose wrong type a test sends, if any. */
    public List<FieldModel> wrongTypeFields() {
        return fields.stream().filter(FieldModel::hasWrongType).limit(1).toList();
    }

    /** The field whose constraint a test breaks, if any. */
    public List<FieldModel> violationFields() {
        return fields.stream().filter(FieldModel::hasViolation).limit(1).toList();
    }

    /** The field whose constraint a test breaks with SQL, bypassing the API, if any. */
    public List<FieldModel> dbViolationFields() {
        return fields.stream().filter(FieldModel::violationInDb).limit(1).toList();
    }

    /** The required field a test sets to NULL with SQL, if any. */
    public List<FieldModel> notNullFields() {
        return fields.stream().filter(FieldModel::required).limit(1).toList();
    }

    public boolean hasDatabaseChecks() {
        return !dbViolationFields().isEmpty() || !notNullFields().isEmpty();
    }

    void testCases(List<RelationModel> byReference, List<FieldModel> byField, List<RelationModel> setNull) {
        this.filterReferences = List.copyOf(byReference);
        this.filterFields = List.copyOf(byField);
        this.setNullCases = List.copyOf(setNull);
    }

    public List<RelationModel> filterReferences() {
        return filterReferences;
    }

    public List<FieldModel> filterFields() {
        return filterFields;
    }

    /**
     * A textual field of the test payload with a maximum length and no pattern, if any: a test fills it with that
     * many characters outside the Basic Multilingual Plane (PostgreSQL counts characters, not UTF-16 units).
     */
    public List<FieldModel> maxLengthFields() {
        return fields.stream().filter(f -> f.maxLength() != null && f.maxLength() > 0 && !f.hasPattern()
                && f.inSample()).limit(1).toList();
    }

    /** A date-time field, if any: a test sends impossible dates and date-times without an offset. */
    public List<FieldModel> datetimeFields() {
        return fields.stream().filter(f -> f.type().equals("datetime")).limit(1).toList();
    }

    /** An enum field lists can be filtered by, if any: a test filters by a value outside the enum. */
    public List<FieldModel> enumFilterFields() {
        return fields.stream().filter(f -> f.type().equals("enum") && f.filterable()).limit(1).toList();
    }

    /** A number or date field of the test payload, if any: a test filters a list by a range of it. */
    public List<FieldModel> rangeFilterFields() {
        return fields.stream().filter(f -> f.filterable() && f.inSample() && List.of("integer", "long", "decimal",
                "date", "datetime").contains(f.type())).limit(1).toList();
    }

    /** The reference a test points at a record that does not exist, if any. */
    public List<RelationModel> missingReferenceCases() {
        return references.stream().limit(1).toList();
    }

    /** The required reference whose target a test tries to delete (refused: ON DELETE RESTRICT), if any. */
    public List<RelationModel> restrictCases() {
        return references.stream().filter(RelationModel::required).limit(1).toList();
    }

    /** The optional reference a test clears by deleting its target (ON DELETE SET NULL), if any. */
    public List<RelationModel> setNullCases() {
        return setNullCases;
    }

    public boolean first() {
        return first;
    }

    public boolean last() {
        return last;
    }
}
