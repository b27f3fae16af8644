package dev.forgeline.stacks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.EntitySpec;
import dev.forgeline.contracts.spec.FieldSpec;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.RelationKind;
import dev.forgeline.contracts.spec.RelationSpec;
import dev.forgeline.contracts.spec.SpecViolation;

/** Expands a stack definition and a spec into the run's module DAG, and checks the spec against the stack's names. */
public final class StackPlanner {
    private static final String ENTITY_PLACEHOLDER = "{entity}";

    private StackPlanner() {
    }

    /**
     * The modules of a run in stack order: optional modules included when their option is on, per-entity files
     * expanded, dependencies limited to included modules.
     */
    public static List<ModulePlan> plan(StackDefinition stack, ProjectSpec spec) {
        Set<String> included = new HashSet<>();
        for (ModuleDefinition m : stack.modules()) {
            if (m.option() == null || spec.optionsOrDefault().enabled(m.option())) {
                included.add(m.name());
            }
        }
        List<ModulePlan> plans = new ArrayList<>();
        for (ModuleDefinition m : stack.modules()) {
            if (!included.contains(m.name())) {
                continue;
            }
            List<PlannedFile> files = new ArrayList<>();
            for (FileRule rule : m.files()) {
                if (rule.perEntity()) {
                    for (EntitySpec e : spec.entities()) {
                        String path = rule.path().replace(ENTITY_PLACEHOLDER, Names.lowerCamel(e.name()));
                        files.add(new PlannedFile(path, rule.critical(), rule.template(), e.name()));
                    }
                } else {
                    files.add(new PlannedFile(rule.path(), rule.critical(), rule.template(), null));
                }
            }
            List<String> deps = m.dependsOn().stream().filter(included::contains).toList();
            plans.add(new ModulePlan(m.name(), m.critical(), deps, files));
        }
        return plans;
    }

    /**
     * What the stack cannot generate working code for, each a violation naming the spec path and the rule: reserved
     * names, names that collide with generated ones (columns {@code id}, {@code created_at}, {@code updated_at}, a
     * table or column another name maps to, a file the stack writes for the whole project), patterns outside the
     * portable syntax, required fields no value can satisfy, and required references that form a cycle.
     */
    public static List<SpecViolation> validate(StackDefinition stack, ProjectSpec spec) {
        List<SpecViolation> out = new ArrayList<>();
        Map<String, Integer> tables = new HashMap<>();
        Set<String> projectFiles = projectFiles(stack);
        for (int i = 0; i < spec.entities().size(); i++) {
            EntitySpec e = spec.entities().get(i);
            String path = "entities[" + i + "]";
            if (e == null || e.name() == null) {
                continue;
            }
            String lower = e.name().toLowerCase(Locale.ROOT);
            if (stack.reservedWords().contains(lower)) {
                out.add(new SpecViolation(path + ".name", "name.reserved", "'" + e.name()
                        + "' is a reserved name in the " + stack.name() + " stack; rename it"));
            }
            String file = entityFileCollision(stack, e.name(), projectFiles);
            if (file != null) {
                out.add(new SpecViolation(path + ".name", "name.collision", "'" + e.name() + "' would be written to "
                        + file + ", a file the " + stack.name() + " stack generates for the whole project; rename it"));
            }
            String table = Names.table(e.name());
            Integer other = tables.putIfAbsent(table, i);
            if (other != null) {
                out.add(new SpecViolation(path + ".name", "name.collision", "'" + e.name() + "' maps to table '"
                        + table + "', as entities[" + other + "] does"));
            }
            Map<String, String> columns = new HashMap<>();
            for (String generated : GENERATED_COLUMNS) {
                columns.put(generated, "a column the stack generates");
            }
            for (int j = 0; j < e.fields().size(); j++) {
                FieldSpec f = e.fields().get(j);
                if (f == null || f.name() == null) {
                    continue;
                }
                String fieldPath = path + ".fields[" + j + "]";
                checkMember(stack, f.name(), Names.column(f.name()), fieldPath + ".name", columns, out);
                checkPattern(f, fieldPath, out);
            }
            for (int j = 0; j < e.relations().size(); j++) {
                RelationSpec r = e.relations().get(j);
                if (r == null || r.name() == null) {
                    continue;
                }
                checkMember(stack, r.name(), Names.referenceColumn(r.name()), path + ".relations[" + j + "].name",
                        columns, out);
            }
        }
        checkRequiredCycles(spec, out);
        out.addAll(StackExtensions.validate(stack, spec));
        return out;
    }

    /** Columns every entity table has. */
    private static final List<String> GENERATED_COLUMNS = List.of("id", "created_at", "updated_at");

    private static Set<String> projectFiles(StackDefinition stack) {
        Set<String> files = new HashSet<>();
        for (ModuleDefinition m : stack.modules()) {
            for (FileRule rule : m.files()) {
                if (!rule.perEntity()) {
                    files.add(rule.path().toLowerCase(Locale.ROOT));
                }
            }
        }
        return files;
    }

    /** The project-wide file an entity's own file would overwrite (compared case-insensitively), or null. */
    private static String entityFileCollision(StackDefinition stack, String entity, Set<String> projectFiles) {
        for (ModuleDefinition m : stack.modules()) {
            for (FileRule rule : m.files()) {
                if (rule.perEntity()) {
                    String path = rule.path().replace(ENTITY_PLACEHOLDER, Names.lowerCamel(entity));
                    if (projectFiles.contains(path.toLowerCase(Locale.ROOT))) {
                        return path;
                    }
                }
            }
        }
        return null;
    }

    private static void checkMember(StackDefinition stack, String name, String column, String path,
            Map<String, String> columns, List<SpecViolation> out) {
        if (stack.generatedFields().contains(name)) {
            out.add(new SpecViolation(path, "name.generated", "'" + name
                    + "' is generated by the stack for every entity; choose another name"));
            return;
        }
        if (stack.reservedWords().contains(name.toLowerCase(Locale.ROOT))) {
            out.add(new SpecViolation(path, "name.reserved", "'" + name + "' is a reserved name in the "
                    + stack.name() + " stack; rename it"));
        }
        String previous = columns.putIfAbsent(column, path);
        if (previous != null) {
            out.add(new SpecViolation(path, GENERATED_COLUMNS.contains(column) ? "name.generated" : "name.collision",
                    "'" + name + "' maps to column '" + column + "', as " + previous + " does"));
        }
    }

    /** A pattern must use the portable syntax; a required field with one needs a value the tests can send. */
    private static void checkPattern(FieldSpec f, String fieldPath, List<SpecViolation> out) {
        if (f.pattern() == null || f.type() == null) {
            return;
        }
        PortableRegex regex;
        try {
            Pattern.compile(f.pattern());
            regex = PortableRegex.parse(f.pattern());
        } catch (PatternSyntaxException e) {
            return; // the spec validator reports it
        } catch (PortableRegex.UnsupportedPatternException e) {
            out.add(new SpecViolation(fieldPath + ".pattern", "pattern.unsupported", e.getMessage()));
            return;
        }
        if (f.isRequired() && regex.samples(f.minLength(), f.maxLength(), 1).isEmpty()) {
            out.add(new SpecViolation(fieldPath + ".pattern", "pattern.unsatisfiable", "no value was found that "
                    + "matches the pattern within the field's length limits; the field is required, so no record "
                    + "could be created"));
        }
    }

    /** Required references that lead back to their entity: no record of the cycle could ever be inserted. */
    private static void checkRequiredCycles(ProjectSpec spec, List<SpecViolation> out) {
        Map<String, List<RelationSpec>> required = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            EntitySpec e = spec.entities().get(i);
            if (e == null || e.name() == null) {
                continue;
            }
            index.put(e.name(), i);
            List<RelationSpec> refs = new ArrayList<>();
            for (RelationSpec r : e.relations()) {
                RelationKind kind = r == null ? null : RelationKind.fromName(r.kind()).orElse(null);
                if (r != null && r.isRequired() && r.target() != null
                        && (kind == RelationKind.MANY_TO_ONE || kind == RelationKind.ONE_TO_ONE)) {
                    refs.add(r);
                }
            }
            required.put(e.name(), refs);
        }
        Set<String> reported = new HashSet<>();
        for (String start : required.keySet()) {
            List<String> cycle = findCycle(start, start, required, new ArrayList<>(List.of(start)), new HashSet<>());
            if (cycle != null && reported.add(String.join(",", cycle.stream().sorted().toList()))) {
                EntitySpec e = spec.entities().get(index.get(start));
                RelationSpec first = required.get(start).stream()
                        .filter(r -> cycle.size() > 1 ? r.target().equals(cycle.get(1)) : r.target().equals(start))
                        .findFirst().orElseThrow();
                int j = e.relations().indexOf(first);
                out.add(new SpecViolation("entities[" + index.get(start) + "].relations[" + j + "].required",
                        "relation.requiredCycle", "required relations form a cycle " + String.join(" -> ", cycle)
                                + " -> " + start + "; no record of it could be created first; make one of them "
                                + "optional"));
            }
        }
    }

    private static List<String> findCycle(String start, String at, Map<String, List<RelationSpec>> required,
            List<String> path, Set<String> seen) {
        for (RelationSpec r : required.getOrDefault(at, List.of())) {
            if (r.target().equals(start)) {
                return List.copyOf(path);
            }
            if (required.containsKey(r.target()) && seen.add(r.target())) {
                path.add(r.target());
                List<String> found = findCycle(start, r.target(), required, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    /** Fails fast on a stack whose plan is not a DAG or names modules that do not exist. */
    static void checkConsistent(StackDefinition stack) {
        Map<String, ModuleDefinition> byName = new LinkedHashMap<>();
        for (ModuleDefinition m : stack.modules()) {
            if (byName.put(m.name(), m) != null) {
                throw new IllegalStateException(stack.name() + ": module " + m.name() + " is defined twice");
            }
        }
        for (ModuleDefinition m : stack.modules()) {
            for (String dep : m.dependsOn()) {
                if (!byName.containsKey(dep)) {
                    throw new IllegalStateException(stack.name() + ": module " + m.name() + " depends on unknown " + dep);
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : byName.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            visit(start, byName, done, new HashSet<>(), path, stack.name());
        }
    }

    private static void visit(String module, Map<String, ModuleDefinition> byName, Set<String> done,
            Set<String> onPath, Deque<String> path, String stackName) {
        if (done.contains(module)) {
            return;
        }
        if (!onPath.add(module)) {
            throw new IllegalStateException(stackName + ": dependency cycle through " + path);
        }
        path.push(module);
        for (String dep : byName.get(module).dependsOn()) {
            visit(dep, byName, done, onPath, path, stackName);
        }
        path.pop();
        onPath.remove(module);
        done.add(module);
    }
}
