package dev.forgeline.orchestrator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.Topics;
import dev.forgeline.orchestrator.config.DeadLetterConfig;

/**
 * Reads the {@code <topic>.dlq} topics with a short-lived consumer per request (partitions assigned by hand, no
 * consumer group, nothing committed) and re-publishes records to their source topic. Blocking: call it off the
 * event loop.
 */
@Singleton
public class DeadLetterTopics {
    /** Every dead-letter topic, from {@link Topics#ALL}. */
    public static final List<String> TOPICS = Topics.ALL.stream().filter(t -> t.endsWith(Topics.DLQ_SUFFIX)).toList();
    /** Header naming the dead letter a re-published record came from. */
    public static final String REPLAY_OF_HEADER = "forgeline-replay-of";

    private final DeadLetterConfig config;
    private final String bootstrap;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterTopics(DeadLetterConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
    }

    /** What one read found: the records read and how many the topics retain in all. */
    public record Scan(List<DeadLetterRecord> records, long retained) {
        public boolean truncated() {
            return records.size() < retained;
        }
    }

    /**
     * The newest retained records of the topics, at most {@code max-scan} in all: each partition gets an equal share
     * of the budget, and a share a partition does not need goes to the others.
     */
    public Scan newest(List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, long[]> bounds = bounds(consumer, topics);
            Map<TopicPartition, Long> quotas = share(bounds, config.maxScan());
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            bounds.forEach((p, b) -> ranges.put(p, new long[] {b[1] - quotas.get(p), b[1]}));
            return new Scan(read(consumer, ranges), retained(bounds));
        }
    }

    /** The oldest retained records of one topic, at most {@code max-scan}, in offset order per partition. */
    public Scan oldest(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, long[]> bounds = bounds(consumer, List.of(topic));
            Map<TopicPartition, Long> quotas = share(bounds, config.maxScan());
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            bounds.forEach((p, b) -> ranges.put(p, new long[] {b[0], b[0] + quotas.get(p)}));
            List<DeadLetterRecord> records = read(consumer, ranges);
            records.sort(Comparator.comparing(DeadLetterRecord::time).thenComparing(r -> r.id().offset()));
            return new Scan(records, retained(bounds));
        }
    }

    /** The named records that are still retained; absent ids are not in the map. */
    public Map<DeadLetterId, DeadLetterRecord> read(Collection<DeadLetterId> ids) {
        Map<DeadLetterId, DeadLetterRecord> found = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, long[]> bounds = bounds(consumer, ids.stream().map(DeadLetterId::topic).distinct().toList());
            for (DeadLetterId id : ids) {
                long[] b = bounds.get(new TopicPartition(id.topic(), id.partition()));
                if (b == null || id.offset() < b[0] || id.offset() >= b[1]) {
                    continue;
                }
                Map<TopicPartition, long[]> one = Map.of(new TopicPartition(id.topic(), id.partition()),
                        new long[] {id.offset(), id.offset() + 1});
                read(consumer, one).stream().filter(r -> r.id().equals(id)).findFirst()
                        .ifPresent(r -> found.put(id, r));
            }
        }
        return found;
    }

    /** Sends the record's key, value and original headers to its source topic; completes when Kafka acknowledged it. */
    public CompletionStage<RecordMetadata> republish(DeadLetterRecord record) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(record.sourceTopic(), record.key(), record.value());
        record.originalHeaders().forEach(h -> out.headers().add(h));
        out.headers().add(REPLAY_OF_HEADER, record.id().toString().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer().send(out, (metadata, e) -> {
            if (e == null) {
                acked.complete(metadata);
            } else {
                acked.completeExceptionally(e);
            }
        });
        return acked;
    }

    private Map<TopicPartition, long[]> bounds(KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, config.readTimeout());
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, config.readTimeout());
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, config.readTimeout());
        Map<TopicPartition, long[]> bounds = new HashMap<>();
        partitions.forEach(p -> bounds.put(p, new long[] {begin.get(p), end.get(p)}));
        return bounds;
    }

    /** Splits the budget over the partitions: equal shares, a share a partition cannot use going to the others. */
    static Map<TopicPartition, Long> share(Map<TopicPartition, long[]> bounds, long budget) {
        List<Map.Entry<TopicPartition, long[]>> bySize = new ArrayList<>(bounds.entrySet());
        bySize.sort(Comparator.comparingLong(e -> e.getValue()[1] - e.getValue()[0]));
        Map<TopicPartition, Long> quotas = new HashMap<>();
        long left = budget;
        for (int i = 0; i < bySize.size(); i++) {
            long size = bySize.get(i).getValue()[1] - bySize.get(i).getValue()[0];
            long take = Math.min(size, left / (bySize.size() - i));
            quotas.put(bySize.get(i).getKey(), take);
            left -= take;
        }
        return quotas;
    }

    private static long retained(Map<TopicPartition, long[]> bounds) {
        return bounds.values().stream().mapToLong(b -> b[1] - b[0]).sum();
    }

    /** Reads each partition's {@code [from, to)} offsets; stops at the read timeout with what it has. */
    private List<DeadLetterRecord> read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, long[]> ranges) {
        Map<TopicPartition, long[]> pending = new HashMap<>();
        ranges.forEach((p, r) -> {
            if (r[1] > r[0]) {
                pending.put(p, r);
            }
        });
        List<DeadLetterRecord> records = new ArrayList<>();
        consumer.assign(pending.keySet());
        consumer.resume(pending.keySet());
        pending.forEach((p, r) -> consumer.seek(p, r[0]));
        Instant deadline = Instant.now().plus(config.readTimeout());
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition p = new TopicPartition(r.topic(), r.partition());
                long[] range = pending.get(p);
                if (range != null && r.offset() >= range[0] && r.offset() < range[1]) {
                    records.add(DeadLetterRecord.of(new DeadLetterId(r.topic(), r.partition(), r.offset()), r.key(),
                            r.value(), r.headers(), r.timestamp()));
                }
            }
            for (TopicPartition p : List.copyOf(pending.keySet())) {
                if (consumer.position(p) >= pending.get(p)[1]) {
                    pending.remove(p);
                    consumer.pause(List.of(p));
                }
            }
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(SizeLimits.MAX_RECORD_BYTES + 1024 * 1024));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "forgeline-dead-letters-" + ProcessHandle.current().pid());
        return new KafkaConsumer<>(p);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(SizeLimits.MAX_RECORD_BYTES));
            // A request waits for its acks: with Kafka away it fails within these, not after the 2 min default.
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.readTimeout().toMillis()));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "45000");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "forgeline-dead-letter-replay-" + ProcessHandle.current().pid());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
