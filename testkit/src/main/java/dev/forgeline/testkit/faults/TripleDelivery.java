package dev.forgeline.testkit.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record on every consumed topic delivered three times: a consumer of its own reads each record the services
 * publish and produces it twice more to the same topic with the same key (so the same partition), value and
 * headers, marked {@code forgeline-fault-copy} so that copies are not copied again. Each service therefore
 * receives every message three times, the copies a little later, as a producer retry or a consumer that
 * re-reads after a rebalance would deliver them. Runs from the fault until every run has ended.
 */
public final class TripleDelivery implements FaultScenario {
    static final String COPY_HEADER = "forgeline-fault-copy";
    private static final int EXTRA_COPIES = 2;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong originals = new AtomicLong();
    private final AtomicLong copies = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread copier;

    @Override
    public String name() {
        return "triple-delivery";
    }

    @Override
    public void inject(FaultContext context) {
        String bootstrap = context.stack().bootstrapServers();
        AtomicBoolean assigned = new AtomicBoolean();
        copier = new Thread(() -> copy(bootstrap, assigned), "fault-triple-delivery");
        copier.setDaemon(true);
        copier.start();
        if (!Poll.until(() -> assigned.get() || failure.get() != null, Duration.ofSeconds(60), Duration.ofMillis(50))
                || failure.get() != null) {
            context.failed("the copier never got its partitions: " + failure.get());
        }
        context.faultNow();
    }

    private void copy(String bootstrap, AtomicBoolean assigned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "18874368");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = PoisonRecords.producer(bootstrap)) {
            // Every partition assigned directly, not through a group: joining a group took seconds, in which half
            // of the runs ended before a record was copied.
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ConsumedTopics.ALL) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Positions are fixed at the end now; from here on every record is seen.
            partitions.forEach(consumer::position);
            assigned.set(true);
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(50));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.headers().lastHeader(COPY_HEADER) != null) {
                        continue;
                    }
                    originals.incrementAndGet();
                    for (int i = 1; i <= EXTRA_COPIES; i++) {
                        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(r.topic(), r.partition(), r.key(),
                                r.value());
                        for (Header h : r.headers()) {
                            copy.headers().add(h);
                        }
                        copy.headers().add(COPY_HEADER, String.valueOf(i).getBytes());
                        producer.send(copy, (meta, e) -> {
                            if (e == null) {
                                copies.incrementAndGet();
                            } else {
                                failure.compareAndSet(null, e);
                            }
                        });
                    }
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    @Override
    public void restore(FaultContext context) throws Exception {
        running.set(false);
        if (copier != null) {
            copier.join(Duration.ofSeconds(30).toMillis());
        }
        if (failure.get() != null) {
            context.failed("copying failed: " + failure.get());
        }
        if (originals.get() == 0 || copies.get() != EXTRA_COPIES * originals.get()) {
            context.failed("copied " + copies.get() + " records for " + originals.get() + " originals");
        }
        System.out.printf("    triple-delivery: %d records seen, %d copies delivered%n", originals.get(), copies.get());
    }

}
