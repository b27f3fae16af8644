package dev.forgeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A wrong topic setting stops a service at start-up with the key's name, before Kafka is asked. */
class TopicSettingsTest {

    @Test
    void productionReplicationIsAccepted() {
        assertThat(new TopicSettings(true, 12, (short) 3, 2).minInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void minInsyncReplicasAboveTheReplicationFactorIsRefusedByName() {
        assertThatThrownBy(() -> new TopicSettings(true, 12, (short) 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TopicSettings.MIN_INSYNC_REPLICAS).hasMessageContaining("got 2");
    }

    @Test
    void zeroReplicationOrPartitionsIsRefused() {
        assertThatThrownBy(() -> new TopicSettings(true, 12, (short) 0, 1))
                .hasMessageContaining(TopicSettings.REPLICATION_FACTOR);
        assertThatThrownBy(() -> new TopicSettings(true, 0, (short) 1, 1)).hasMessageContaining("partitions");
    }
}
