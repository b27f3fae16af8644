package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.UUID;

/** A stored API key without its secret: who it belongs to, its role and its life. */
public record ApiKey(UUID id, String tenant, String name, Role role, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public Principal principal() {
        return new Principal(tenant, name, role);
    }
}
