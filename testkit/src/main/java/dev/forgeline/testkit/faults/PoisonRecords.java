package dev.forgeline.testkit.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.forgeline.contracts.Topics;

/**
 * Poison records on every consumed topic while runs are in flight: bytes that are not JSON, not UTF-8, JSON of the
 * wrong shape, and an object without the fields every message needs. The runs must not notice; each poison
 * record must land on its topic's dead-letter topic (checked: the dead-letter topics grow by at least as many).
 */
public final class PoisonRecords implements FaultScenario {
    static final List<byte[]> POISON = List.of(
            "not json {".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 1},
            "[1, 2, 3]".getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8),
            "{\"runId\": \"not-a-uuid\", \"module\": 42}".getBytes(StandardCharsets.UTF_8));
    private static final int ROUNDS = 4;
    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(90);

    @Override
    public String name() {
        return "poison-records";
    }

    @Override
    public void inject(FaultContext context) throws Exception {
        String bootstrap = context.stack().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, Long> before = deadLetters(admin);
            context.faultNow();
            int sent = 0;
            try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
                for (int round = 0; round < ROUNDS; round++) {
                    for (String topic : ConsumedTopics.ALL) {
                        for (byte[] value : POISON) {
                            byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
                            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
                            sent++;
                        }
                    }
                }
            }
            int perTopic = sent / ConsumedTopics.ALL.size();
            boolean all = Poll.until(() -> grownBy(admin, before, perTopic), DEAD_LETTER_WAIT, Duration.ofMillis(500));
            if (!all) {
                Map<String, Long> after = deadLetters(admin);
                context.failed("not every poison record reached its dead-letter topic within " + DEAD_LETTER_WAIT
                        + ": sent " + perTopic + " per topic; dead-letter records before " + before + ", after " + after);
            }
        }
    }

    private static boolean grownBy(Admin admin, Map<String, Long> before, int count) {
        Map<String, Long> now = deadLetters(admin);
        return ConsumedTopics.ALL.stream().allMatch(t -> now.getOrDefault(t, 0L) - before.getOrDefault(t, 0L) >= count);
    }

    /** Records on each consumed topic's dead-letter topic (sum of end offsets), by source topic. */
    static Map<String, Long> deadLetters(Admin admin) {
        try {
            List<String> dlqs = ConsumedTopics.ALL.stream().map(t -> t + Topics.DLQ_SUFFIX).toList();
            Map<String, TopicDescription> described = admin.describeTopics(dlqs).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(p ->
                    query.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> counts = new HashMap<>();
            admin.listOffsets(query).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> counts.merge(
                    tp.topic().substring(0, tp.topic().length() - Topics.DLQ_SUFFIX.length()), info.offset(), Long::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics' offsets: " + e.getMessage(), e);
        }
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "16777216");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
