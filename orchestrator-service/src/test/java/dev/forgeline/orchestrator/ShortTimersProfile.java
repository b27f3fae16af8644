package dev.forgeline.orchestrator;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Leases, deadlines and retention short enough to watch them act in a test. */
public class ShortTimersProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "forgeline.orchestrator.module-lease", "1s",
                "forgeline.orchestrator.max-attempts", "6",
                "forgeline.orchestrator.run-deadline", "8s",
                "forgeline.orchestrator.retention", "1s",
                "forgeline.orchestrator.retention-interval", "off");
    }
}
