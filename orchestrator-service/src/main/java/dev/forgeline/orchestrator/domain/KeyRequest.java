package dev.forgeline.orchestrator.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.forgeline.contracts.spec.SpecViolation;

/** A request for a new API key, checked field by field: tenant name, key name and role. */
public record KeyRequest(String tenant, String name, Role role) {
    private static final Pattern TENANT = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    private static final int MAX_NAME = 64;

    /** Whether {@code tenant} is a valid tenant name: a lower-case letter, then 1..39 of [a-z0-9-]. */
    public static boolean validTenant(String tenant) {
        return tenant != null && TENANT.matcher(tenant).matches();
    }

    /** Whether {@code name} is 1..64 printable characters (no control characters, not only blanks). */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || name.isBlank()) {
            return false;
        }
        return name.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }

    /** Checks the raw fields; every broken one is named, else the request. */
    public static KeyRequest of(String tenant, String name, String role) {
        List<SpecViolation> violations = new ArrayList<>();
        if (!validTenant(tenant)) {
            violations.add(new SpecViolation("tenant", "tenant.format",
                    "tenant must match ^[a-z][a-z0-9-]{1,39}$ (a lower-case letter, then 1 to 39 of a-z, 0-9, -)"));
        }
        if (!validName(name)) {
            violations.add(new SpecViolation("name", "name.format", "name must be 1 to 64 printable characters"));
        }
        Role parsed = Role.parse(role);
        if (parsed == null) {
            violations.add(new SpecViolation("role", "role.unknown", "role must be 'user' or 'admin'"));
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations.get(0).path() + ": " + violations.get(0).message(),
                    violations);
        }
        return new KeyRequest(tenant, name, parsed);
    }
}
