package dev.forgeline.contracts.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.forgeline.contracts.SizeLimits;

/**
 * Checks a parsed spec against the rules every stack shares (DESIGN §7). Each violation names the JSON
 * path and the rule; stack-specific rules (reserved words) are the stack's own.
 */
public final class SpecValidator {
    public static final Pattern PROJECT_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,62}$");
    public static final Pattern ENTITY_NAME = Pattern.compile("^[A-Z][A-Za-z0-9]{0,62}$");
    public static final Pattern MEMBER_NAME = Pattern.compile("^[a-z][A-Za-z0-9]{0,62}$");
    public static final Pattern ENUM_VALUE = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");
    private static final int MAX_DESCRIPTION = 2000;

    private final Set<String> knownStacks;

    public SpecValidator(Set<String> knownStacks) {
        this.knownStacks = Set.copyOf(knownStacks);
    }

    public List<SpecViolation> validate(ProjectSpec spec) {
        List<SpecViolation> out = new ArrayList<>();
        if (spec.name() == null) {
            out.add(new SpecViolation("name", "required", "name is required"));
        } else if (!PROJECT_NAME.matcher(spec.name()).matches()) {
            out.add(new SpecViolation("name", "name.pattern",
                    "'" + spec.name() + "' must match " + PROJECT_NAME.pattern() + " (lower-case letters, digits, '-')"));
        }
        if (spec.description() != null && spec.description().length() > MAX_DESCRIPTION) {
            out.add(new SpecViolation("description", "maxLength", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (spec.stack() == null) {
            out.add(new SpecViolation("stack", "required", "stack is required; known stacks: " + knownStacks));
        } else if (!knownStacks.contains(spec.stack())) {
            out.add(new SpecViolation("stack", "stack.unknown",
                    "unknown stack '" + spec.stack() + "'; known stacks: " + knownStacks));
        }
        validateGenerator(spec.generator(), out);
        validateEntities(spec.entities(), out);
        return out;
    }

    private static void validateGenerator(GeneratorSettings generator, List<SpecViolation> out) {
        if (generator == null) {
            return;
        }
        String provider = generator.providerOrDefault();
        if (!provider.equals(GeneratorSettings.TEMPLATE_PROVIDER) && !provider.equals(GeneratorSettings.LLM_PROVIDER)) {
            out.add(new SpecViolation("generator.provider", "provider.unknown",
                    "unknown provider '" + provider + "'; use 'template' or 'llm'"));
        }
        Double t = generator.temperature();
        if (t != null && (t.isNaN() || t < 0 || t > 2)) {
            out.add(new SpecViolation("generator.temperature", "range", "temperature must be between 0 and 2"));
        }
    }

    private static void validateEntities(List<EntitySpec> entities, List<SpecViolation> out) {
        if (entities.isEmpty()) {
            out.add(new SpecViolation("entities", "required", "a spec needs at least one entity"));
            return;
        }
        if (entities.size() > SizeLimits.MAX_ENTITIES) {
            out.add(new SpecViolation("entities", "maxItems", "at most " + SizeLimits.MAX_ENTITIES + " entities"));
            return;
        }
        Map<String, EntitySpec> byName = new HashMap<>();
        Map<String, Integer> lowerNames = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            EntitySpec e = entities.get(i);
            String path = "entities[" + i + "]";
            if (e == null) {
                out.add(new SpecViolation(path, "required", "an entity cannot be null"));
                continue;
            }
            if (e.name() == null) {
                out.add(new SpecViolation(path + ".name", "required", "entity name is required"));
            } else if (!ENTITY_NAME.matcher(e.name()).matches()) {
                out.add(new SpecViolation(path + ".name", "name.pascalCase",
                        "'" + e.name() + "' must be PascalCase (" + ENTITY_NAME.pattern() + ")"));
            } else {
                Integer previous = lowerNames.putIfAbsent(e.name().toLowerCase(Locale.ROOT), i);
                if (previous != null) {
                    out.add(new SpecViolation(path + ".name", "name.duplicate",
                            "entity '" + e.name() + "' repeats the name of entities[" + previous + "]"));
                } else {
                    byName.put(e.name(), e);
                }
            }
        }
        for (int i = 0; i < entities.size(); i++) {
            EntitySpec e = entities.get(i);
            if (e != null) {
                validateEntity(e, "entities[" + i + "]", byName, out);
            }
        }
    }

    private static void validateEntity(EntitySpec e, String path, Map<String, EntitySpec> entities,
            List<SpecViolation> out) {
        if (e.fields().size() > SizeLimits.MAX_FIELDS_PER_ENTITY) {
            out.add(new SpecViolation(path + ".fields", "maxItems",
                    "at most " + SizeLimits.MAX_FIELDS_PER_ENTITY + " fields per entity"));
            return;
        }
        if (e.relations().size() > SizeLimits.MAX_RELATIONS_PER_ENTITY) {
            out.add(new SpecViolation(path + ".relations", "maxItems",
                    "at most " + SizeLimits.MAX_RELATIONS_PER_ENTITY + " relations per entity"));
            return;
        }
        Set<String> members = new HashSet<>();
        for (int j = 0; j < e.fields().size(); j++) {
            FieldSpec f = e.fields().get(j);
            String fp = path + ".fields[" + j + "]";
            if (f == null) {
                out.add(new SpecViolation(fp, "required", "a field cannot be null"));
                continue;
            }
            checkMemberName(f.name(), fp + ".name", members, out);
            validateField(f, fp, out);
        }
        for (int j = 0; j < e.relations().size(); j++) {
            RelationSpec r = e.relations().get(j);
            String rp = path + ".relations[" + j + "]";
            if (r == null) {
                out.add(new SpecViolation(rp, "required", "a relation cannot be null"));
                continue;
            }
            checkMemberName(r.name(), rp + ".name", members, out);
            if (r.kind() == null) {
                out.add(new SpecViolation(rp + ".kind", "required", "relation kind is required; one of "
                        + RelationKind.allowed()));
            } else if (RelationKind.fromName(r.kind()).isEmpty()) {
                out.add(new SpecViolation(rp + ".kind", "relation.kind.unknown",
                        "unknown relation kind '" + r.kind() + "'; one of " + RelationKind.allowed()));
            }
            if (r.target() == null) {
                out.add(new SpecViolation(rp + ".target", "required", "relation target is required"));
            } else if (!entities.containsKey(r.target())) {
                out.add(new SpecViolation(rp + ".target", "relation.target.unknown",
                        "no entity named '" + r.target() + "' in this spec"));
            }
            if (r.inverseName() != null && !MEMBER_NAME.matcher(r.inverseName()).matches()) {
                out.add(new SpecViolation(rp + ".inverseName", "name.camelCase",
                        "'" + r.inverseName() + "' must be camelCase (" + MEMBER_NAME.pattern() + ")"));
            }
        }
    }

    private static void checkMemberName(String name, String path, Set<String> members, List<SpecViolation> out) {
        if (name == null) {
            out.add(new SpecViolation(path, "required", "name is required"));
        } else if (!MEMBER_NAME.matcher(name).matches()) {
            out.add(new SpecViolation(path, "name.camelCase",
                    "'" + name + "' must be camelCase (" + MEMBER_NAME.pattern() + ")"));
        } else if (!members.add(name.toLowerCase(Locale.ROOT))) {
            out.add(new SpecViolation(path, "name.duplicate",
                    "'" + name + "' is used twice among this entity's fields and relations"));
        }
    }

    private static void validateField(FieldSpec f, String fp, List<SpecViolation> out) {
        if (f.type() == null) {
            out.add(new SpecViolation(fp + ".type", "required", "field type is required; one of " + FieldType.allowed()));
            return;
        }
        var type = FieldType.fromName(f.type());
        if (type.isEmpty()) {
            out.add(new SpecViolation(fp + ".type", "field.type.unknown",
                    "unknown field type '" + f.type() + "'; one of " + FieldType.allowed()));
            return;
        }
        FieldType t = type.get();
        if (t == FieldType.ENUM) {
            validateEnumValues(f, fp, out);
        } else if (f.values() != null) {
            out.add(new SpecViolation(fp + ".values", "values.enumOnly", "values are only allowed on enum fields"));
        }
        if ((f.minLength() != null || f.maxLength() != null || f.pattern() != null) && !t.isTextual()) {
            out.add(new SpecViolation(fp, "constraint.textOnly",
                    "minLength, maxLength and pattern apply to string and text fields only"));
        }
        if ((f.min() != null || f.max() != null) && !t.isNumeric()) {
            out.add(new SpecViolation(fp, "constraint.numericOnly",
                    "min and max apply to integer, long and decimal fields only"));
        }
        if (f.minLength() != null && f.minLength() < 0) {
            out.add(new SpecViolation(fp + ".minLength", "range", "minLength cannot be negative"));
        }
        if (f.maxLength() != null && f.maxLength() < 1) {
            out.add(new SpecViolation(fp + ".maxLength", "range", "maxLength must be at least 1"));
        }
        if (f.minLength() != null && f.maxLength() != null && f.minLength() > f.maxLength()) {
            out.add(new SpecViolation(fp + ".minLength", "range", "minLength is greater than maxLength"));
        }
        if (f.min() != null && f.max() != null && f.min() > f.max()) {
            out.add(new SpecViolation(fp + ".min", "range", "min is greater than max"));
        }
        if (f.pattern() != null) {
            try {
                Pattern.compile(f.pattern());
            } catch (PatternSyntaxException e) {
                out.add(new SpecViolation(fp + ".pattern", "pattern.invalid", "not a valid regular expression: "
                        + e.getDescription()));
            }
        }
    }

    private static void validateEnumValues(FieldSpec f, String fp, List<SpecViolation> out) {
        if (f.values() == null || f.values().isEmpty()) {
            out.add(new SpecViolation(fp + ".values", "required", "an enum field needs a non-empty values list"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < f.values().size(); k++) {
            String v = f.values().get(k);
            if (v == null || !ENUM_VALUE.matcher(v).matches()) {
                out.add(new SpecViolation(fp + ".values[" + k + "]", "enum.value",
                        "enum values must match " + ENUM_VALUE.pattern()));
            } else if (!seen.add(v)) {
                out.add(new SpecViolation(fp + ".values[" + k + "]", "name.duplicate", "'" + v + "' is listed twice"));
            }
        }
    }
}
