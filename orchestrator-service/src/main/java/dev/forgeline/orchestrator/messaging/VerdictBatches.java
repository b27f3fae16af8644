package dev.forgeline.orchestrator.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies a polled batch of verdicts in one transaction (in record order, so in order per run). Unparseable records
 * go to the DLQ and the rest go on. When the batch cannot be applied, its verdicts are applied one by one, each
 * retried with backoff for up to 5 minutes (the database is away) before it alone is dead-lettered. Every attempt
 * has its own time limit: a transaction whose connection died with the database may never complete, and one such
 * attempt must not hold the consumer (and every run behind it) until the give-up time. A timed-out attempt that
 * commits after all is harmless: the retry finds the verdict applied and the state machine ignores the duplicate.
 */
@ApplicationScoped
public class VerdictBatches {
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);

    private final DeadLetters deadLetters;

    VerdictBatches(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public <T> Uni<Void> apply(KafkaRecordBatch<String, String> batch, Function<String, T> parse,
            Function<List<T>, Uni<Void>> applyAll) {
        return apply(batch, parse, applyAll, GIVE_UP_AFTER);
    }

    /** As {@link #apply(KafkaRecordBatch, Function, Function)}, giving a verdict up after {@code giveUpAfter}. */
    <T> Uni<Void> apply(KafkaRecordBatch<String, String> batch, Function<String, T> parse,
            Function<List<T>, Uni<Void>> applyAll, Duration giveUpAfter) {
        return applyRecords(batch, record -> parse.apply(record.getPayload()), applyAll, giveUpAfter);
    }

    /** As {@link #apply(KafkaRecordBatch, Function, Function)}, parsing whole records (their headers too). */
    public <T> Uni<Void> applyRecords(KafkaRecordBatch<String, String> batch,
            Function<KafkaRecord<String, String>, T> parse, Function<List<T>, Uni<Void>> applyAll) {
        return applyRecords(batch, parse, applyAll, GIVE_UP_AFTER);
    }

    private <T> Uni<Void> applyRecords(KafkaRecordBatch<String, String> batch,
            Function<KafkaRecord<String, String>, T> parse, Function<List<T>, Uni<Void>> applyAll,
            Duration giveUpAfter) {
        List<T> verdicts = new ArrayList<>();
        List<KafkaRecord<String, String>> sources = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                verdicts.add(parse.apply(record));
                sources.add(record);
            } catch (RuntimeException e) {
                poison.add(deadLetters.send(record, e));
            }
        }
        Uni<Void> deadLettered = poison.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(poison).andFailFast().replaceWithVoid();
        Uni<Void> applied = verdicts.isEmpty() ? Uni.createFrom().voidItem()
                : attempt(applyAll, verdicts)
                        .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofMillis(500)).atMost(2)
                        .onFailure().recoverWithUni(e -> oneByOne(verdicts, sources, applyAll, giveUpAfter, e));
        return deadLettered.chain(() -> applied).onItemOrFailure().transformToUni((ok, failure) -> failure == null
                ? Uni.createFrom().completionStage(batch.ack())
                : Uni.createFrom().completionStage(batch.nack(failure)));
    }

    private <T> Uni<Void> oneByOne(List<T> verdicts, List<KafkaRecord<String, String>> sources,
            Function<List<T>, Uni<Void>> applyAll, Duration giveUpAfter, Throwable batchFailure) {
        Log.warnf(batchFailure, "a batch of %d verdicts failed; applying them one by one", verdicts.size());
        return Multi.createFrom().range(0, verdicts.size()).onItem().transformToUniAndConcatenate(i ->
                attempt(applyAll, List.of(verdicts.get(i)))
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                        .expireIn(giveUpAfter.toMillis())
                        .onFailure().recoverWithUni(e -> deadLetters.send(sources.get(i), e)))
                .collect().last().replaceWithVoid();
    }

    /** One attempt, failed (so retried) when it gives no answer within {@link #ATTEMPT_TIMEOUT}. */
    private static <T> Uni<Void> attempt(Function<List<T>, Uni<Void>> applyAll, List<T> verdicts) {
        return Uni.createFrom().deferred(() -> applyAll.apply(verdicts)).ifNoItem().after(ATTEMPT_TIMEOUT).fail();
    }
}
