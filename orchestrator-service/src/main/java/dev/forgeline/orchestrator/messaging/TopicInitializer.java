package dev.forgeline.orchestrator.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.TopicAdmin;
import dev.forgeline.contracts.TopicSettings;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Creates Forgeline's topics ({@code forgeline.topics.*}, partitions from the orchestrator) before the channels start. */
@Singleton
public class TopicInitializer {
    void onStart(@Observes @Priority(1) StartupEvent event, OrchestratorConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = TopicSettings.CREATE, defaultValue = "true") boolean create,
            @ConfigProperty(name = TopicSettings.REPLICATION_FACTOR, defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = TopicSettings.MIN_INSYNC_REPLICAS, defaultValue = "1") int minInsyncReplicas) {
        // Validated before Kafka is reached: a wrong setting stops the start with its name, not a broker error.
        TopicSettings settings = new TopicSettings(create, config.partitions(), replicationFactor, minInsyncReplicas);
        if (!settings.create()) {
            Log.infof("topic creation disabled (%s=false): the topics must exist", TopicSettings.CREATE);
            return;
        }
        try {
            var created = TopicAdmin.ensureTopics(bootstrap, settings);
            if (!created.isEmpty()) {
                Log.infof("created topics %s (%d partitions, replication %d, min.insync.replicas %d)", created,
                        settings.partitions(), settings.replicationFactor(), settings.minInsyncReplicas());
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "cannot create topics on %s; readiness stays down until Kafka answers", bootstrap);
        }
    }
}
