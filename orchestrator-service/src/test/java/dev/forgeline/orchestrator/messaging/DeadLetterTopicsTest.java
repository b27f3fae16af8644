package dev.forgeline.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Topics;

/** How one request's scan budget is split over the dead-letter partitions, and dead-letter ids. */
class DeadLetterTopicsTest {
    private static final TopicPartition A = new TopicPartition(Topics.MODULE_VALIDATED_DLQ, 0);
    private static final TopicPartition B = new TopicPartition(Topics.MODULE_VALIDATED_DLQ, 1);
    private static final TopicPartition C = new TopicPartition(Topics.RUN_RESULTS_DLQ, 0);

    @Test
    void everyRecordIsReadWhenTheyFitTheBudget() {
        var quotas = DeadLetterTopics.share(Map.of(A, new long[] {0, 3}, B, new long[] {5, 9}, C, new long[] {0, 0}), 100);
        assertThat(quotas).containsEntry(A, 3L).containsEntry(B, 4L).containsEntry(C, 0L);
    }

    @Test
    void aShareASmallPartitionCannotUseGoesToTheLargerOnesAndTheTotalNeverExceedsTheBudget() {
        var quotas = DeadLetterTopics.share(Map.of(A, new long[] {0, 2}, B, new long[] {0, 1000}, C,
                new long[] {100, 1100}), 10);
        assertThat(quotas.get(A)).isEqualTo(2L);
        assertThat(quotas.get(B) + quotas.get(C)).isEqualTo(8L);
        assertThat(quotas.get(B)).isEqualTo(4L);
    }

    @Test
    void idsNameADeadLetterTopicPartitionAndOffset() {
        DeadLetterId id = DeadLetterId.parse(Topics.MODULE_VALIDATED_DLQ + ":3:42");
        assertThat(id).isEqualTo(new DeadLetterId(Topics.MODULE_VALIDATED_DLQ, 3, 42));
        assertThat(id.toString()).isEqualTo(Topics.MODULE_VALIDATED_DLQ + ":3:42");
        assertThat(DeadLetterId.parse(Topics.MODULE_VALIDATED + ":3:42")).as("not a .dlq topic").isNull();
        assertThat(DeadLetterId.parse(Topics.RUN_EVENTS + ".dlq:0:1")).as("no such dead-letter topic").isNull();
        assertThat(DeadLetterId.parse(Topics.MODULE_VALIDATED_DLQ + ":-1:42")).isNull();
        assertThat(DeadLetterId.parse(Topics.MODULE_VALIDATED_DLQ + ":1")).isNull();
        assertThat(DeadLetterId.parse(null)).isNull();
        assertThat(DeadLetterId.sourceOf(Topics.RUN_RESULTS_DLQ)).isEqualTo(Topics.RUN_RESULTS);
    }
}
