package dev.forgeline.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.MalformedRecordException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** How one polled batch is applied: in one call, in record order, poison records dead-lettered alone. */
class VerdictBatchesTest {
    private final List<String> deadLettered = new ArrayList<>();
    private final VerdictBatches batches = new VerdictBatches(new DeadLetters(null, null) {
        @Override
        public Uni<Void> send(KafkaRecord<String, String> record, Throwable reason) {
            deadLettered.add(record.getPayload());
            return Uni.createFrom().voidItem();
        }
    });

    private static String parse(String value) {
        if (value.startsWith("{not")) {
            throw new MalformedRecordException("not json");
        }
        return value;
    }

    @Test
    void aBatchIsAppliedInOneCallInRecordOrderAndItsPoisonRecordGoesToTheDeadLetterTopicAlone() {
        List<List<String>> calls = new ArrayList<>();
        Batch batch = new Batch("run1:a", "{not json", "run2:a", "run1:b");
        batches.apply(batch, VerdictBatchesTest::parse, verdicts -> {
            calls.add(verdicts);
            return Uni.createFrom().voidItem();
        }).await().indefinitely();
        assertThat(calls).containsExactly(List.of("run1:a", "run2:a", "run1:b"));
        assertThat(deadLettered).containsExactly("{not json");
        assertThat(batch.acked).isTrue();
        assertThat(batch.nacked).isFalse();
    }

    @Test
    void aBatchThatCannotBeAppliedIsAppliedOneByOneAndOnlyTheFailingVerdictIsDeadLettered() {
        List<List<String>> calls = new ArrayList<>();
        Batch batch = new Batch("run1:a", "run2:broken", "run3:a");
        batches.apply(batch, VerdictBatchesTest::parse, verdicts -> {
            calls.add(verdicts);
            return verdicts.contains("run2:broken") && verdicts.size() == 1
                    ? Uni.createFrom().failure(new IllegalStateException("cannot apply"))
                    : verdicts.size() > 1 ? Uni.createFrom().failure(new IllegalStateException("batch fails"))
                    : Uni.createFrom().voidItem();
        }, java.time.Duration.ofMillis(300)).await().indefinitely();
        assertThat(calls).contains(List.of("run1:a"), List.of("run3:a"));
        assertThat(deadLettered).containsExactly("run2:broken");
        assertThat(batch.acked).isTrue();
    }

    /** A polled batch of string records on one partition. */
    private static final class Batch implements KafkaRecordBatch<String, String> {
        private final List<KafkaRecord<String, String>> records = new ArrayList<>();
        boolean acked;
        boolean nacked;

        Batch(String... values) {
            for (String value : values) {
                records.add(KafkaRecord.of("forgeline.module.validated", "key", value));
            }
        }

        @Override
        public List<KafkaRecord<String, String>> getRecords() {
            return records;
        }

        @Override
        public Map<TopicPartition, KafkaRecord<String, String>> getLatestOffsetRecords() {
            return Map.of(new TopicPartition("forgeline.module.validated", 0), records.get(records.size() - 1));
        }

        @Override
        public List<String> getPayload() {
            return records.stream().map(KafkaRecord::getPayload).toList();
        }

        @Override
        public Iterator<KafkaRecord<String, String>> iterator() {
            return records.iterator();
        }

        @Override
        public CompletionStage<Void> ack() {
            return ack(Metadata.empty());
        }

        @Override
        public CompletionStage<Void> nack(Throwable reason) {
            return nack(reason, Metadata.empty());
        }

        @Override
        public CompletionStage<Void> ack(Metadata metadata) {
            acked = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> nack(Throwable reason, Metadata metadata) {
            nacked = true;
            return CompletableFuture.completedFuture(null);
        }
    }
}
