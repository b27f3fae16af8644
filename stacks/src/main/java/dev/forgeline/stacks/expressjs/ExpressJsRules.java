package dev.forgeline.stacks.expressjs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.forgeline.contracts.spec.EntitySpec;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecViolation;

/**
 * What the express-js stack refuses beyond the shared rules: entity names that would give two OpenAPI schemas the
 * same name (each entity has {@code <Entity>}, {@code <Entity>Input}, {@code <Entity>Patch}, {@code <Entity>Page};
 * errors are {@code Problem}).
 */
public final class ExpressJsRules {
    private static final List<String> SUFFIXES = List.of("Input", "Patch", "Page");

    private ExpressJsRules() {
    }

    public static List<SpecViolation> validate(ProjectSpec spec) {
        Map<String, String> schemas = new HashMap<>();
        schemas.put("Problem", "the schema of error responses");
        for (EntitySpec e : spec.entities()) {
            if (e != null && e.name() != null) {
                for (String suffix : SUFFIXES) {
                    schemas.putIfAbsent(e.name() + suffix, "the " + suffix.toLowerCase(java.util.Locale.ROOT)
                            + " schema of " + e.name());
                }
            }
        }
        List<SpecViolation> out = new ArrayList<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            EntitySpec e = spec.entities().get(i);
            if (e == null || e.name() == null) {
                continue;
            }
            String taken = schemas.get(e.name());
            if (taken != null) {
                out.add(new SpecViolation("entities[" + i + "].name", "name.collision", "'" + e.name()
                        + "' is also the name of " + taken + " in the project's OpenAPI document; rename it"));
            }
        }
        return out;
    }
}
