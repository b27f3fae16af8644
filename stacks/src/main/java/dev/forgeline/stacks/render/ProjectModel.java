package dev.forgeline.stacks.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        List<JoinTableModel> joinTables) {

    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final long MIN_INT = Integer.MIN_VALUE;
    private static final long MAX_SAFE = 9007199254740991L;

    public boolean hasDescription() {
        return !description.isEmpty();
    }

    public boolean hasJoinTables() {
        return !joinTables.isEmpty();
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
                String ownColumn = source + "_id";
                String otherColumn = Names.snake(r.target()) + "_id";
                if (otherColumn.equals(ownColumn)) {
                    otherColumn = Names.snake(r.name()) + "_id";
                }
                String joinTable = source + "_" + Names.snake(r.name());
                M2mDraft draft = new M2mDraft(r.name(), r.inverseName(), e.name(), r.target(), joinTable, ownColumn,
                        otherColumn);
                owners.add(draft);
                m2m.get(e.name()).add(draft);
                joinTables.add(new JoinTableModel(joinTable, ownColumn, table(e.name()), otherColumn,
                        table(r.target())));
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
                List.copyOf(joinTables));
        for (EntityModel e : model.entities()) {
            planTests(model, e);
        }
        return model;
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
        Set<String> columns = new HashSet<>();
        for (FieldSpec f : target.fields()) {
            members.add(f.name().toLowerCase(Locale.ROOT));
            columns.add(Names.snake(f.name()));
        }
        for (RelationSpec tr : target.relations()) {
            members.add(tr.name().toLowerCase(Locale.ROOT));
            columns.add(Names.snake(tr.name()) + "_id");
        }
        for (RefDraft d : targetRefs) {
            members.add(d.name.toLowerCase(Locale.ROOT));
            columns.add(Names.snake(d.name) + "_id");
        }
        if (members.contains(name.toLowerCase(Locale.ROOT)) || columns.contains(Names.snake(name) + "_id")) {
            return;
        }
        targetRefs.add(new RefDraft(RelationKind.MANY_TO_ONE.wireName(), name, source.name(), false, false, true));
    }

    private static EntityModel entity(EntitySpec e, List<RefDraft> refDrafts, List<M2mDraft> m2mDrafts, boolean first,
            boolean last) {
        String table = table(e.name());
        List<FieldModel> fields = new ArrayList<>();
        for (int j = 0; j < e.fields().size(); j++) {
            fields.add(field(e.fields().get(j), j == 0, j == e.fields().size() - 1));
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
            columns.add(new ColumnModel(f.name(), f.column(), f.json(), columns.isEmpty(),
                    columns.size() == total - 1));
        }
        for (RelationModel r : references) {
            columns.add(new ColumnModel(r.fieldName(), r.column(), false, columns.isEmpty(),
                    columns.size() == total - 1));
        }
        String plural = Names.plural(e.name());
        return new EntityModel(e.name(), Names.lowerCamel(e.name()), plural, Names.lowerCamel(plural), table,
                route(e.name()), fields, references, manyToMany, columns, first, last);
    }

    private static FieldModel field(FieldSpec f, boolean first, boolean last) {
        FieldType type = f.fieldType();
        String column = Names.snake(f.name());
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
        if (type.isTextual()) {
            if (f.minLength() != null && f.minLength() > 0) {
                checks.add("char_length(" + quoted + ") >= " + f.minLength());
            }
            if (type == FieldType.TEXT && f.maxLength() != null) {
                checks.add("char_length(" + quoted + ") <= " + f.maxLength());
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

        boolean inSample = f.pattern() == null || f.isRequired();
        boolean patchable = !f.isUnique() && f.pattern() == null && switch (type) {
            case STRING, TEXT, INTEGER, BOOLEAN, ENUM -> true;
            default -> false;
        };
        String compare = switch (type) {
            case DATETIME -> "datetime";
            case DECIMAL, LONG -> "number";
            default -> "exact";
        };
        return new FieldModel(f.name(), column, type.wireName(), sqlType, f.isRequired(), f.isUnique(),
                List.copyOf(checks), type == FieldType.JSON, schema.toString(), sample(f, type), inSample, patchable,
                compare, first, last);
    }

    /** A JavaScript expression giving a valid value for the field, used by the generated tests. */
    private static String sample(FieldSpec f, FieldType type) {
        String unique = Boolean.toString(f.isUnique());
        return switch (type) {
            case STRING, TEXT -> "sampleText(" + (f.minLength() == null ? 0 : f.minLength()) + ", "
                    + (f.maxLength() == null ? "null" : f.maxLength()) + ", " + unique + ")";
            case INTEGER -> sampleNumber(f, MIN_INT, MAX_INT, unique, true);
            case LONG -> sampleNumber(f, -MAX_SAFE, MAX_SAFE, unique, true);
            case DECIMAL -> "sampleNumber(" + (f.min() == null ? "null" : Literals.number(f.min())) + ", "
                    + (f.max() == null ? "null" : Literals.number(f.max())) + ", " + unique + ", false)";
            case BOOLEAN -> "true";
            case DATE -> "'2024-01-15'";
            case DATETIME -> "'2024-01-15T10:30:00.000Z'";
            case UUID -> "randomUUID()";
            case JSON -> "{ sample: true, tags: ['a', 'b'] }";
            case ENUM -> Literals.js(f.values().get(0));
        };
    }

    private static String sampleNumber(FieldSpec f, long lowest, long highest, String unique, boolean integer) {
        double min = f.min() == null ? Double.NaN : Math.max(f.min(), lowest);
        double max = f.max() == null ? highest : Math.min(f.max(), highest);
        return "sampleNumber(" + (Double.isNaN(min) ? "null" : Literals.number(min)) + ", " + Literals.number(max)
                + ", " + unique + ", " + integer + ")";
    }

    /** Which entities a test must create, in order, to create {@code e} and link its many-to-many targets. */
    private static void planTests(ProjectModel model, EntityModel e) {
        List<String> order = new ArrayList<>();
        Set<String> cycle = new LinkedHashSet<>();
        visit(model, e.name(), order, new LinkedHashSet<>(), cycle);
        for (RelationModel m : e.manyToMany()) {
            visit(model, m.target(), order, new LinkedHashSet<>(), cycle);
        }
        List<EntityModel> fixtures = order.stream().map(model::entity).toList();
        String skip = cycle.isEmpty() ? "" : "required relations form a cycle through " + String.join(", ", cycle)
                + "; these records cannot be created one at a time";
        e.tests(fixtures, e.references().stream().filter(RelationModel::required).toList(), skip);
    }

    private static void visit(ProjectModel model, String entity, List<String> order, Set<String> path,
            Set<String> cycle) {
        if (order.contains(entity)) {
            return;
        }
        if (!path.add(entity)) {
            cycle.addAll(path);
            return;
        }
        for (RelationModel r : model.entity(entity).references()) {
            if (r.required()) {
                visit(model, r.target(), order, path, cycle);
            }
        }
        path.remove(entity);
        if (!order.contains(entity)) {
            order.add(entity);
        }
    }

    private static String table(String entity) {
        return RelationModel.table(entity);
    }

    private static String route(String entity) {
        return RelationModel.route(entity);
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
