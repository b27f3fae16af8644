package dev.forgeline.orchestrator.domain;

import dev.forgeline.contracts.messages.RunActor;

/** An authenticated caller: its tenant, the key's name (or a JWT's subject) and its role. Never holds the token. */
public record Principal(String tenant, String keyName, Role role) {
    public static final String ADMIN_TENANT = "admin";

    /** The caller when authentication is disabled: everything is open as the admin tenant. */
    public static final Principal OPEN = new Principal(ADMIN_TENANT, "anonymous", Role.ADMIN);

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** Whether the caller may see a run of {@code runTenant}: its own tenant's, or any for an admin. */
    public boolean canSee(String runTenant) {
        return admin() || tenant.equals(runTenant);
    }

    /** The tenant whose runs the caller lists, or null for all (admin). */
    public String listScope() {
        return admin() ? null : tenant;
    }

    public RunActor actor() {
        return new RunActor(tenant, keyName);
    }
}
