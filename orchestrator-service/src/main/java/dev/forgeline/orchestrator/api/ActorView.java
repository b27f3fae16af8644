package dev.forgeline.orchestrator.api;

/** Who did something to a run: the tenant and the key's name (or JWT subject). */
public record ActorView(String tenant, String keyName) {
    static ActorView of(String tenant, String keyName) {
        return tenant == null || keyName == null ? null : new ActorView(tenant, keyName);
    }
}
