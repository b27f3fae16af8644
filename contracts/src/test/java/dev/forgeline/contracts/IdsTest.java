package dev.forgeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void uuidV7IsVersion7VariantRfcAndNeverRepeats() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Ids.uuidV7();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void uuidV7CarriesTheCurrentTimeInItsHighBits() {
        long before = System.currentTimeMillis();
        UUID id = Ids.uuidV7();
        long after = System.currentTimeMillis();
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }

    @Test
    void commandIdIsRunModuleAttempt() {
        UUID run = Ids.uuidV7();
        assertThat(Ids.commandId(run, "models", 2)).isEqualTo(run + "/models/2");
    }
}
