package dev.forgeline.stacks.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.forgeline.contracts.spec.EntitySpec;
import dev.forgeline.contracts.spec.FieldSpec;
import dev.forgeline.contracts.spec.FieldType;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.RelationKind;
import dev.forgeline.contracts.spec.RelationSpec;
import dev.forgeline.stacks.Names;
import dev.forgeline.stacks.PortableRegex;

/**
 * The whole project as the templates see it, built from a validated spec. Everything is derived in spec order
 * from lists, so the same spec always gives the same model and the same rendered text.
 */
public record ProjectModel(
        String name,
        String description,
        String descriptionJson,
        String dbName,
        boolean auth,
        boolean tests,
        List<EntityModel> entities,
        List<JoinTableModel> joinTables,
        ProjectSpec spec) {

    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final long MIN_INT = Integer.MIN_VALUE;
    private static final long MAX_SAFE = 9007199254740991L;
    /** How many distinct sample values the tests get for a field with a pattern. */
    static final int PATTERN_SAMPLES = 8;
    /** Query parameters of list requests; fields with these names cannot also be list filters. */
    private static final Set<String> PAGINATION_PARAMETERS = Set.of("limit", "offset", "sort");

    public boolean hasDescription() {
        return !description.isEmpty();
    }

    public boolean hasJoinTables() {
        return !joinTables.isEmpty();
    }

    /** The first entity that needs no other record: the README's example. */
    public List<EntityModel> exampleEntity() {
        return entities.stream().filter(e -> e.requiredReferences().isEmpty()).limit(1).toList();
    }

    /**
     * Every table in an order that empties them with DELETE: join tables, then each entity before the entities
     * it requires (required references are ON DELETE RESTRICT and acyclic; optional ones are SET NULL).
     */
    public String deleteAllSql() {
        List<String> statements = new ArrayList<>();
        for (JoinTableModel j : joinTables) {
            statements.add("DELETE FROM \"" + j.table() + "\"");
        }
        List<String> order = new ArrayList<>();
        for (EntityModel e : entities) {
            requiredFirst(e.name(), order, new HashSet<>());
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            statements.add("DELETE FROM \"" + entity(order.get(i)).table() + "\"");
        }
        return String.join("; ", statements);
    }

    private void requiredFirst(String entity, List<String> order, Set<String> path) {
        if (order.contains(entity) || !path.add(entity)) {
            return;
        }
        for (RelationModel r : entity(entity).requiredReferences()) {
            requiredFirst(r.target(), order, path);
        }
        order.add(entity);
    }

    /** The spec of the entity with this (PascalCase) name. */
    public EntitySpec entitySpec(String entityName) {
        return spec.entities().stream().filter(e -> e.name().equals(entityName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entity named " + entityName + " in the spec"));
    }

    /** The entity with this (PascalCase) name. */
    public EntityModel entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entity named " + entityName + " in the spec"));
    }

    /** Builds the model of a spec the validators accepted. */
    public static ProjectModel of(ProjectSpec spec) {
        List<EntitySpec> specs = spec.entities();
        Map<String, EntitySpec> byName = new LinkedHashMap<>();
        for (EntitySpec e : specs) {
            byName.put(e.name(), e);
        }

        Map<String, List<RefDraft>> refs = new LinkedHashMap<>();
        for (EntitySpec e : specs) {
            List<RefDraft> list = new ArrayList<>();
            for (RelationSpec r : e.relations()) {
                RelationKind kind = r.relationKind();
                if (kind == RelationKind.MANY_TO_ONE || kind == RelationKind.ONE_TO_ONE) {
                    list.add(new RefDraft(kind.wireName(), r.name(), r.target(), r.isRequired(),
                            kind == RelationKind.ONE_TO_ONE, false));
                }
            }
            refs.put(e.name(), list);
        }
        for (EntitySpec e : specs) {
            for (RelationSpec r : e.relations()) {
                if (r.relationKind() == RelationKind.ONE_TO_MANY) {
                    addInverseReference(e, r, byName.get(r.target()), refs.get(r.target()));
                }
            }
        }

        Set<String> takenRelations = takenRelationNames(specs, refs);
        List<JoinTableModel> joinTables = new ArrayList<>();
        Map<String, List<M2mDraft>> m2m = new LinkedHashMap<>();
        for (EntitySpec e : specs) {
            m2m.put(e.name(), new ArrayList<>());
        }
        List<M2mDraft> owners = new ArrayList<>();
        for (EntitySpec e : specs) {
            for (RelationSpec r : e.relations()) {
                if (r.relationKind() != RelationKind.MANY_TO_MANY) {
                    continue;
                }
                M2mDraft owner = owners.stream().filter(o -> o.source.equals(r.target()) && o.target.equals(e.name())
                        && (o.name.equals(r.inverseName()) || r.name().equals(o.inverseName)) && !o.paired)
                        .findFirst().orElse(null);
                if (owner != null) {
                    owner.paired = true;
                    m2m.get(e.name()).add(new M2mDraft(r.name(), r.inverseName(), e.name(), r.target(),
                            owner.joinTable, owner.otherColumn, owner.ownColumn));
                    continue;
                }
                String source = Names.snake(e.name());
                String ownColumn = Names.sqlIdentifier(source + "_id");
                String otherColumn = Names.sqlIdentifier(Names.snake(r.target()) + "_id");
                if (otherColumn.equals(ownColumn)) {
                    otherColumn = Names.referenceColumn(r.name());
                }
                String joinTable = freeName(source + "_" + Names.snake(r.name()), takenRelations);
                M2mDraft draft = new M2mDraft(r.name(), r.inverseName(), e.name(), r.target(), joinTable, ownColumn,
                        otherColumn);
                owners.add(draft);
                m2m.get(e.name()).add(draft);
                joinTables.add(new JoinTableModel(joinTable, ownColumn, table(e.name()), otherColumn,
                        table(r.target()), freeName(joinTable + "_" + otherColumn + "_idx", takenRelations)));
            }
        }

        List<EntityModel> entities = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            EntitySpec e = specs.get(i);
            entities.add(entity(e, refs.get(e.name()), m2m.get(e.name()), i == 0, i == specs.size() - 1));
        }
        ProjectModel model = new ProjectModel(spec.name(),
                spec.description() == null ? "" : Literals.oneLine(spec.description()),
                Literals.json(spec.description() == null ? "" : spec.description()),
                spec.name().replace('-', '_'),
                spec.optionsOrDefault().authEnabled(),
                spec.optionsOrDefault().testsEnabled(),
                List.copyOf(entities),
                List.copyOf(joinTables),
                spec);
        Map<String, Boolean> singletons = new HashMap<>();
        for (EntityModel e : model.entities()) {
            e.singleton(singleton(model, e.name(), singletons, new HashSet<>()));
        }
        for (int i = 0; i < specs.size(); i++) {
            planTests(model, model.entities().get(i));
            model.entities().get(i).exampleJson(exampleJson(specs.get(i)));
        }
        return model;
    }

    /**
     * Names PostgreSQL already uses in the schema before the join tables are created: entity tables and the indexes
     * and constraints named after them. A join table must not take one of these.
     */
    private static Set<String> takenRelationNames(List<EntitySpec> specs, Map<String, List<RefDraft>> refs) {
        Set<String> taken = new HashSet<>();
        taken.add("schema_migrations");
        for (EntitySpec e : specs) {
            String table = table(e.name());
            taken.add(table);
            taken.add(Names.sqlIdentifier(table + "_pkey"));
            for (FieldSpec f : e.fields()) {
                taken.add(Names.sqlIdentifier(table + "_" + Names.column(f.name()) + "_key"));
            }
            for (RefDraft d : refs.get(e.name())) {
                String column = Names.referenceColumn(d.name);
                taken.add(Names.sqlIdentifier(table + "_" + column + "_key"));
                taken.add(Names.sqlIdentifier(table + "_" + column + "_idx"));
                taken.add(Names.sqlIdentifier(table + "_" + column + "_fkey"));
            }
        }
        return taken;
    }

    /** {@code wanted}, or {@code wanted_links}, {@code wanted_links2}, … whichever is free first; then taken. */
    private static String freeName(String wanted, Set<String> taken) {
        String candidate = Names.sqlIdentifier(wanted);
        for (int n = 1; taken.contains(candidate); n++) {
            candidate = Names.sqlIdentifier(wanted + "_links" + (n == 1 ? "" : Integer.toString(n)));
        }
        taken.add(candidate);
        taken.add(Names.sqlIdentifier(candidate + "_pkey"));
        return candidate;
    }

    private static void addInverseReference(EntitySpec source, RelationSpec r, EntitySpec target,
            List<RefDraft> targetRefs) {
        List<RefDraft> toSource = targetRefs.stream().filter(d -> !d.implicit && d.target.equals(source.name()))
                .toList();
        boolean mapped = r.inverseName() != null
                ? toSource.stream().anyMatch(d -> d.name.equals(r.inverseName()))
                : toSource.size() == 1;
        if (mapped) {
            return;
        }
        String name = r.inverseName() != null ? r.inverseName() : Names.lowerCamel(source.name());
        Set<String> members = new HashSet<>();
        Set<String> columns = new HashSet<>(Set.of("id", "created_at", "updated_at"));
        for (FieldSpec f : target.fields()) {
            members.add(f.name().toLowerCase(Locale.ROOT));
            columns.add(Names.column(f.name()));
        }
        for (RelationSpec tr : target.relations()) {
            members.add(tr.name().toLowerCase(Locale.ROOT));
            columns.add(Names.referenceColumn(tr.name()));
        }
        for (RefDraft d : targetRefs) {
            members.add(d.name.toLowerCase(Locale.ROOT));
            columns.add(Names.referenceColumn(d.name));
        }
        if (members.contains(name.toLowerCase(Locale.ROOT)) || columns.contains(Names.referenceColumn(name))) {
            return;
        }
        targetRefs.add(new RefDraft(RelationKind.MANY_TO_ONE.wireName(), name, source.name(), false, false, true));
    }

    private static EntityModel entity(EntitySpec e, List<RefDraft> refDrafts, List<M2mDraft> m2mDrafts, boolean first,
            boolean last) {
        String table = table(e.name());
        List<FieldModel> fields = new ArrayList<>();
        for (int j = 0; j < e.fields().size(); j++) {
            fields.add(field(e.name(), e.fields().get(j), j == 0, j == e.fields().size() - 1));
        }
        List<RelationModel> references = new ArrayList<>();
        for (int j = 0; j < refDrafts.size(); j++) {
            RefDraft d = refDrafts.get(j);
            references.add(RelationModel.reference(d.kind, e.name(), table, d.name, d.target, d.required, d.unique,
                    d.implicit, j == 0, j == refDrafts.size() - 1));
        }
        List<RelationModel> manyToMany = new ArrayList<>();
        for (int j = 0; j < m2mDrafts.size(); j++) {
            M2mDraft d = m2mDrafts.get(j);
            manyToMany.add(RelationModel.manyToMany(e.name(), table, d.name, d.target, d.joinTable, d.ownColumn,
                    d.otherColumn, j == 0, j == m2mDrafts.size() - 1));
        }
        List<ColumnModel> columns = new ArrayList<>();
        int total = fields.size() + references.size();
        for (FieldModel f : fields) {
            columns.add(new ColumnModel(f.name(), f.column(), f.type(), f.json(), f.filterable(), columns.isEmpty(),
                    columns.size() == total - 1));
        }
        for (RelationModel r : references) {
            columns.add(new ColumnModel(r.fieldName(), r.column(), "uuid", false, true, columns.isEmpty(),
                    columns.size() == total - 1));
        }
        String plural = Names.plural(e.name());
        return new EntityModel(e.name(), Names.lowerCamel(e.name()), plural, Names.lowerCamel(plural), table,
                RelationModel.route(e.name()), fields, references, manyToMany, columns, first, last);
    }

    private static FieldModel field(String entity, FieldSpec f, boolean first, boolean last) {
        FieldType type = f.fieldType();
        String column = Names.column(f.name());
        String quoted = "\"" + column + "\"";
        List<String> checks = new ArrayList<>();
        String sqlType = switch (type) {
            case STRING -> f.maxLength() != null ? "varchar(" + f.maxLength() + ")" : "text";
            case TEXT, ENUM -> "text";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamptz";
            case UUID -> "uuid";
            case JSON -> "jsonb";
        };
        PortableRegex regex = f.pattern() == null ? null : PortableRegex.parse(f.pattern());
        String postgresPattern = regex == null ? null : regex.postgres().orElse(null);
        if (type.isTextual()) {
            if (f.minLength() != null && f.minLength() > 0) {
                checks.add("char_length(" + quoted + ") >= " + f.minLength());
            }
            if (type == FieldType.TEXT && f.maxLength() != null) {
                checks.add("char_length(" + quoted + ") <= " + f.maxLength());
            }
            if (postgresPattern != null) {
                checks.add(quoted + " ~ " + Literals.sql(postgresPattern));
            }
        }
        if (type.isNumeric()) {
            if (f.min() != null) {
                checks.add(quoted + " >= " + Literals.number(f.min()));
            }
            if (f.max() != null) {
                checks.add(quoted + " <= " + Literals.number(f.max()));
            }
        }
        if (type == FieldType.ENUM) {
            checks.add(quoted + " IN (" + String.join(", ", f.values().stream().map(Literals::sql).toList()) + ")");
        }

        StringBuilder schema = new StringBuilder("{ type: ").append(Literals.js(type.wireName()));
        if (f.isRequired()) {
            schema.append(", required: true");
        }
        if (f.minLength() != null) {
            schema.append(", minLength: ").append(f.minLength());
        }
        if (f.maxLength() != null) {
            schema.append(", maxLength: ").append(f.maxLength());
        }
        if (f.min() != null) {
            schema.append(", min: ").append(Literals.number(f.min()));
        }
        if (f.max() != null) {
            schema.append(", max: ").append(Literals.number(f.max()));
        }
        if (f.pattern() != null) {
            schema.append(", pattern: new RegExp(").append(Literals.js(f.pattern())).append(')');
        }
        if (type == FieldType.ENUM) {
            schema.append(", values: ").append(Literals.jsArray(f.values()));
        }
        schema.append(" }");

        String key = Literals.js(entity + "." + f.name());
        List<String> patternSamples = regex == null ? List.of()
                : regex.samples(f.minLength(), f.maxLength(), PATTERN_SAMPLES);
        long domain = domainSize(f, type, patternSamples);
        // An optional unique field with few possible values is left out of test payloads (NULLs never collide).
        boolean inSample = (regex == null || !patternSamples.isEmpty())
                && (f.isRequired() || !f.isUnique() || domain > PATTERN_SAMPLES);
        String sampleJs = inSample ? sample(f, type, key, patternSamples) : "";
        boolean patchable = !f.isUnique() && f.pattern() == null && switch (type) {
            case STRING, TEXT, INTEGER, BOOLEAN, ENUM -> true;
            default -> false;
        };
        String compare = switch (type) {
            case DATETIME -> "datetime";
            case DECIMAL, LONG -> "number";
            case JSON -> "json";
            default -> "exact";
        };
        Violation violation = violation(f, type, regex);
        return new FieldModel(f.name(), column, type.wireName(), sqlType, f.isRequired(), f.isUnique(),
                List.copyOf(checks), type == FieldType.JSON, schema.toString(), sampleJs, inSample, patchable,
                compare, type != FieldType.JSON && !PAGINATION_PARAMETERS.contains(f.name()), wrongType(type), violation.js,
                violation.inDb || (violation.pattern && postgresPattern != null),
                f.isRequired() && f.isUnique() && domain == 1, type.isTextual() ? f.maxLength() : null,
                f.pattern() != null, first, last);
    }

    /** How many different values the field can take in tests (Long.MAX_VALUE: practically unbounded). */
    private static long domainSize(FieldSpec f, FieldType type, List<String> patternSamples) {
        return switch (type) {
            case BOOLEAN -> 2;
            case ENUM -> f.values().size();
            case INTEGER, LONG -> {
                if (f.min() == null || f.max() == null) {
                    yield Long.MAX_VALUE;
                }
                double span = Math.floor(f.max()) - Math.ceil(f.min()) + 1;
                yield span >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, (long) span);
            }
            case STRING, TEXT -> f.pattern() != null && patternSamples.size() < PATTERN_SAMPLES
                    ? patternSamples.size() : Long.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** A JavaScript expression giving a valid value for the field; unique fields get a new value per call. */
    private static String sample(FieldSpec f, FieldType type, String key, List<String> patternSamples) {
        String unique = Boolean.toString(f.isUnique());
        if (!patternSamples.isEmpty()) {
            return f.isUnique() ? "cycle(" + key + ", " + Literals.jsArray(patternSamples) + ")"
                    : Literals.js(patternSamples.get(0));
        }
        return switch (type) {
            case STRING, TEXT -> "text(" + key + ", " + (f.minLength() == null ? 0 : f.minLength()) + ", "
                    + (f.maxLength() == null ? "null" : f.maxLength()) + ", " + unique + ")";
            case INTEGER -> sampleNumber(f, key, MIN_INT, MAX_INT, unique);
            case LONG -> sampleNumber(f, key, -MAX_SAFE, MAX_SAFE, unique);
            case DECIMAL -> "number(" + key + ", " + (f.min() == null ? "null" : Literals.number(f.min())) + ", "
                    + (f.max() == null ? "null" : Literals.number(f.max())) + ", " + unique + ", false)";
            case BOOLEAN -> f.isUnique() ? "cycle(" + key + ", [true, false])" : "true";
            case DATE -> "day(" + key + ", " + unique + ")";
            case DATETIME -> "instant(" + key + ", " + unique + ")";
            case UUID -> "randomUUID()";
            case JSON -> "document(" + key + ", " + unique + ")";
            case ENUM -> f.isUnique() ? "cycle(" + key + ", " + Literals.jsArray(f.values()) + ")"
                    : Literals.js(f.values().get(0));
        };
    }

    private static String sampleNumber(FieldSpec f, String key, long lowest, long highest, String unique) {
        double min = f.min() == null ? Double.NaN : Math.max(f.min(), lowest);
        double max = f.max() == null ? highest : Math.min(f.max(), highest);
        return "number(" + key + ", " + (Double.isNaN(min) ? "null" : Literals.number(min)) + ", "
                + Literals.number(max) + ", " + unique + ", true)";
    }

    /** A valid JSON body for creating a record of the entity without references, shown in the README. */
    private static String exampleJson(EntitySpec e) {
        List<String> members = new ArrayList<>();
        for (FieldSpec f : e.fields()) {
            FieldType type = f.fieldType();
            String value = switch (type) {
                case STRING, TEXT -> {
                    if (f.pattern() != null) {
                        List<String> samples = PortableRegex.parse(f.pattern()).samples(f.minLength(), f.maxLength(), 1);
                        yield samples.isEmpty() ? null : Literals.json(samples.get(0));
                    }
                    StringBuilder text = new StringBuilder("example");
                    while (f.minLength() != null && text.length() < f.minLength()) {
                        text.append('x');
                    }
                    yield Literals.json(f.maxLength() != null && text.length() > f.maxLength()
                            ? text.substring(0, f.maxLength()) : text.toString());
                }
                case INTEGER, LONG, DECIMAL -> {
                    double low = f.min() != null ? f.min() : f.max() != null && f.max() < 1 ? f.max() : 1;
                    if (type != FieldType.DECIMAL) {
                        low = Math.ceil(low);
                    }
                    yield Literals.number(low);
                }
                case BOOLEAN -> "true";
                case DATE -> "\"2024-01-15\"";
                case DATETIME -> "\"2024-01-15T10:30:00Z\"";
                case UUID -> "\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"";
                case JSON -> "{ \"example\": true }";
                case ENUM -> Literals.json(f.values().get(0));
            };
            if (value != null) {
                members.add(Literals.json(f.name()) + ": " + value);
            }
        }
        // Single-quoted for the shell.
        return ("{ " + String.join(", ", members) + " }").replace("'", "'\\''");
    }

    /** A value of the wrong JSON type for the field, or "" when every JSON value is accepted. */
    private static String wrongType(FieldType type) {
        return switch (type) {
            case STRING, TEXT, ENUM, DATE, DATETIME, UUID -> "12345";
            case INTEGER, LONG, DECIMAL -> "'not a number'";
            case BOOLEAN -> "'yes'";
            case JSON -> "";
        };
    }

    private record Violation(String js, boolean inDb, boolean pattern) {
        static final Violation NONE = new Violation("", false, false);
    }

    /** A value of the right type that breaks one of the field's constraints, if it has one. */
    private static Violation violation(FieldSpec f, FieldType type, PortableRegex regex) {
        if (type.isTextual()) {
            if (f.maxLength() != null) {
                return new Violation("'x'.repeat(" + (f.maxLength() + 1) + ")", true, false);
            }
            if (f.minLength() != null && f.minLength() > 0) {
                return new Violation("'x'.repeat(" + (f.minLength() - 1) + ")", true, false);
            }
            if (regex != null) {
                for (String candidate : List.of("", " ", "!", "~~ ~~", "0", "a", "-", "Zz 9!")) {
                    if (!regex.matches(candidate)) {
                        return new Violation(Literals.js(candidate), false, true);
                    }
                }
            }
            return Violation.NONE;
        }
        if (type == FieldType.INTEGER || type == FieldType.LONG) {
            long lowest = type == FieldType.INTEGER ? MIN_INT : -MAX_SAFE;
            long highest = type == FieldType.INTEGER ? MAX_INT : MAX_SAFE;
            if (f.min() != null && Math.ceil(f.min()) - 1 >= lowest) {
                return new Violation(Literals.number(Math.ceil(f.min()) - 1), true, false);
            }
            if (f.max() != null && Math.floor(f.max()) + 1 <= highest) {
                return new Violation(Literals.number(Math.floor(f.max()) + 1), true, false);
            }
            return Violation.NONE;
        }
        if (type == FieldType.DECIMAL) {
            if (f.min() != null) {
                return new Violation(Literals.number(f.min() - 1), true, false);
            }
            if (f.max() != null) {
                return new Violation(Literals.number(f.max() + 1), true, false);
            }
            return Violation.NONE;
        }
        if (type == FieldType.ENUM) {
            return new Violation("'NOT_ONE_OF_THE_VALUES'", true, false);
        }
        return Violation.NONE;
    }

    /** Whether the entity's table can hold at most one record (see {@link EntityModel#singleton()}). */
    private static boolean singleton(ProjectModel model, String entity, Map<String, Boolean> memo, Set<String> path) {
        Boolean known = memo.get(entity);
        if (known != null) {
            return known;
        }
        EntityModel e = model.entity(entity);
        boolean result = e.fields().stream().anyMatch(FieldModel::singleValued);
        if (!result && path.add(entity)) {
            for (RelationModel r : e.references()) {
                if (r.required() && r.unique() && singleton(model, r.target(), memo, path)) {
                    result = true;
                    break;
                }
            }
            path.remove(entity);
        }
        memo.put(entity, result);
        return result;
    }

    /**
     * Which list filter a test exercises (a reference when another target record can be created, else a field),
     * and which optional reference a test clears by deleting its target.
     */
    private static void planTests(ProjectModel model, EntityModel e) {
        List<RelationModel> free = e.singleton() ? List.of()
                : e.references().stream().filter(r -> !model.entity(r.target()).singleton()).toList();
        List<RelationModel> byReference = free.stream().limit(1).toList();
        List<FieldModel> byField = byReference.isEmpty()
                ? e.fields().stream().filter(f -> f.filterable() && f.inSample()).limit(1).toList()
                : List.of();
        List<RelationModel> setNull = free.stream().filter(r -> !r.required()).limit(1).toList();
        e.testCases(byReference, byField, setNull);
    }

    private static String table(String entity) {
        return RelationModel.table(entity);
    }

    private record RefDraft(String kind, String name, String target, boolean required, boolean unique,
            boolean implicit) {
    }

    private static final class M2mDraft {
        final String name;
        final String inverseName;
        final String source;
        final String target;
        final String joinTable;
        final String ownColumn;
        final String otherColumn;
        boolean paired;

        M2mDraft(String name, String inverseName, String source, String target, String joinTable, String ownColumn,
                String otherColumn) {
            this.name = name;
            this.inverseName = inverseName;
            this.source = source;
            this.target = target;
            this.joinTable = joinTable;
            this.ownColumn = ownColumn;
            this.otherColumn = otherColumn;
        }
    }
}
