package dev.forgeline.orchestrator.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.KafkaException;

import dev.forgeline.contracts.Topics;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.messaging.DeadLetterId;
import dev.forgeline.orchestrator.messaging.DeadLetterRecord;
import dev.forgeline.orchestrator.messaging.DeadLetterTopics;
import dev.forgeline.orchestrator.repository.DeadLetterReplays;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Lists the records of the {@code .dlq} topics and re-publishes them to their source topic, each once. Blocking
 * (Kafka reads): call it from a worker thread.
 */
@ApplicationScoped
public class DeadLetterService {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final DeadLetterTopics topics;
    private final DeadLetterReplays replays;

    DeadLetterService(DeadLetterTopics topics, DeadLetterReplays replays) {
        this.topics = topics;
        this.replays = replays;
    }

    /** A dead letter and when it was re-published ({@code null}: never). */
    public record Entry(DeadLetterRecord record, Instant replayedAt) {
    }

    /** Kafka (or the database) did not answer in time; records before the failing one may have been replayed. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One page, newest first; {@code total} records were read of the {@code retained} ones. */
    public record Page(List<Entry> entries, int total, long retained) {
    }

    /** What a replay did with one record. */
    public enum Outcome { replayed, alreadyReplayed, notFound }

    /** One record's replay. */
    public record Replay(String id, String sourceTopic, Outcome outcome) {
    }

    /** A replay's outcomes, in request (or topic) order; {@code truncated} when a topic held more than was read. */
    public record Replays(List<Replay> results, boolean truncated) {
    }

    /**
     * The dead-letter topic a filter names: a {@code .dlq} topic, or the topic it is the dead-letter topic of; blank
     * means all.
     */
    public static List<String> topicsNamed(String filter) {
        if (filter == null || filter.isBlank()) {
            return DeadLetterTopics.TOPICS;
        }
        String dlq = filter.endsWith(Topics.DLQ_SUFFIX) ? filter : filter + Topics.DLQ_SUFFIX;
        if (!DeadLetterTopics.TOPICS.contains(dlq)) {
            throw new DomainException.Invalid("topic", "topic.unknown", "'" + filter
                    + "' is not a dead-letter topic; known: " + String.join(", ", DeadLetterTopics.TOPICS));
        }
        return List.of(dlq);
    }

    public Page list(String topicFilter, int page, int size) {
        List<String> named = topicsNamed(topicFilter);
        DeadLetterTopics.Scan scan;
        try {
            scan = topics.newest(named);
        } catch (KafkaException e) {
            throw new Unavailable("cannot read the dead-letter topics: " + e.getMessage(), e);
        }
        List<DeadLetterRecord> records = new ArrayList<>(scan.records());
        records.sort(Comparator.comparing(DeadLetterRecord::time)
                .thenComparing(r -> r.id().topic()).thenComparing(r -> r.id().partition())
                .thenComparing(r -> r.id().offset()).reversed());
        int from = (int) Math.min((long) page * size, records.size());
        List<DeadLetterRecord> slice = records.subList(from, Math.min(from + size, records.size()));
        Map<String, Instant> replayed = replays.replayedAt(slice.stream().map(r -> r.id().toString()).toList())
                .await().atMost(WAIT);
        return new Page(slice.stream().map(r -> new Entry(r, replayed.get(r.id().toString()))).toList(),
                records.size(), scan.retained());
    }

    /** Re-publishes the named records (ids already validated). */
    public Replays replay(List<DeadLetterId> ids) {
        Map<DeadLetterId, DeadLetterRecord> found;
        try {
            found = topics.read(ids);
        } catch (KafkaException e) {
            throw new Unavailable("cannot read the dead-letter topics: " + e.getMessage(), e);
        }
        List<Replay> results = new ArrayList<>();
        for (DeadLetterId id : ids) {
            DeadLetterRecord record = found.get(id);
            results.add(record == null ? new Replay(id.toString(), null, Outcome.notFound) : replayOne(record));
        }
        return new Replays(results, false);
    }

    /** Re-publishes every retained record of one dead-letter topic (the oldest {@code max-scan} of them). */
    public Replays replayTopic(String topicFilter) {
        String topic = topicsNamed(topicFilter).get(0);
        DeadLetterTopics.Scan scan;
        try {
            scan = topics.oldest(topic);
        } catch (KafkaException e) {
            throw new Unavailable("cannot read " + topic + ": " + e.getMessage(), e);
        }
        return new Replays(scan.records().stream().map(this::replayOne).toList(), scan.truncated());
    }

    private Replay replayOne(DeadLetterRecord record) {
        String id = record.id().toString();
        boolean sent;
        try {
            sent = replays.recordThenSend(id, record.sourceTopic(), record.keyText(), Instant.now(),
                    () -> Uni.createFrom().completionStage(() -> topics.republish(record))).await().atMost(WAIT);
        } catch (RuntimeException e) {
            // The row was rolled back with the failed send: the record can be replayed again.
            throw new Unavailable("re-publishing " + id + " to " + record.sourceTopic() + " failed (" + e.getMessage()
                    + "); it is not marked replayed", e);
        }
        if (sent) {
            Log.infof("re-published dead letter %s to %s", id, record.sourceTopic());
        }
        return new Replay(id, record.sourceTopic(), sent ? Outcome.replayed : Outcome.alreadyReplayed);
    }
}
