package dev.forgeline.validation.config;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.TopicAdmin;
import dev.forgeline.contracts.TopicSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Creates Forgeline's topics at start-up, before the messaging channels connect (they start at priority 1000). */
@ApplicationScoped
public class TopicBootstrap {
    private final String bootstrapServers;
    private final TopicSettings topics;

    public TopicBootstrap(ValidationConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = TopicSettings.CREATE, defaultValue = "true") boolean createTopics,
            @ConfigProperty(name = TopicSettings.REPLICATION_FACTOR, defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = TopicSettings.MIN_INSYNC_REPLICAS, defaultValue = "1") int minInsyncReplicas) {
        this.bootstrapServers = bootstrapServers;
        this.topics = new TopicSettings(createTopics, config.partitions(), replicationFactor, minInsyncReplicas);
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!topics.create()) {
            Log.infof("topic creation disabled (%s=false): the topics must exist", TopicSettings.CREATE);
            return;
        }
        List<String> created = TopicAdmin.ensureTopics(bootstrapServers, topics);
        Log.infof("topics ready at %s (%d partitions): created %s", bootstrapServers, topics.partitions(),
                created.isEmpty() ? "none" : created);
    }
}
