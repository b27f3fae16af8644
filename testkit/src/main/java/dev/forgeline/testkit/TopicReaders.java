package dev.forgeline.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Group-less string consumers assigned every partition of some topics, from their beginning or from their end. */
public final class TopicReaders {
    private TopicReaders() {
    }

    /** Sees only what is written from now on. */
    public static KafkaConsumer<String, String> fromEnd(String bootstrap, List<String> topics) {
        KafkaConsumer<String, String> consumer = assigned(bootstrap, topics);
        List<TopicPartition> partitions = List.copyOf(consumer.assignment());
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Reads every record the topics hold. */
    public static KafkaConsumer<String, String> fromBeginning(String bootstrap, List<String> topics) {
        KafkaConsumer<String, String> consumer = assigned(bootstrap, topics);
        consumer.seekToBeginning(consumer.assignment());
        return consumer;
    }

    private static KafkaConsumer<String, String> assigned(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Records go up to 16 MiB (SizeLimits.MAX_RECORD_BYTES).
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 17825792);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        return consumer;
    }
}
