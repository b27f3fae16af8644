package dev.forgeline.contracts.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Json;

class RunEventJsonTest {
    @Test
    void recordWithoutTenantOrActorStillParses() {
        UUID id = UUID.randomUUID();
        String old = "{\"eventId\":\"" + id + "\",\"runId\":\"" + id + "\",\"type\":\"RUN_STATUS_CHANGED\","
                + "\"status\":\"RUNNING\",\"at\":\"2026-01-01T00:00:00Z\",\"detail\":\"x\"}";
        RunEvent e = Json.read(old, RunEvent.class);
        assertThat(e.status()).isEqualTo("RUNNING");
        assertThat(e.tenant()).isNull();
        assertThat(e.actor()).isNull();
    }

    @Test
    void actorAndTenantRoundTrip() {
        RunEvent e = new RunEvent(UUID.randomUUID(), UUID.randomUUID(), RunEventType.RUN_STATUS_CHANGED, null, null,
                "QUEUED", Instant.parse("2026-01-01T00:00:00Z"), "accepted", "team-a", new RunActor("team-a", "ci"));
        String json = Json.write(e);
        assertThat(json).contains("\"actor\":{\"tenant\":\"team-a\",\"keyName\":\"ci\"}");
        assertThat(Json.read(json, RunEvent.class)).isEqualTo(e);
    }

    @Test
    void eventWithoutActorOmitsTheField() {
        RunEvent e = new RunEvent(UUID.randomUUID(), UUID.randomUUID(), RunEventType.RUN_STATUS_CHANGED, null, null,
                "RUNNING", Instant.parse("2026-01-01T00:00:00Z"), "x");
        assertThat(Json.write(e)).doesNotContain("actor").doesNotContain("tenant");
    }
}
