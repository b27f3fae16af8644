package dev.forgeline.orchestrator.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.TopicAdmin;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Creates Forgeline's topics with the configured partition count before the channels start. */
@Singleton
public class TopicInitializer {
    void onStart(@Observes @Priority(1) StartupEvent event, OrchestratorConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        try {
            var created = TopicAdmin.ensureTopics(bootstrap, config.partitions(), (short) 1);
            if (!created.isEmpty()) {
                Log.infof("created topics %s with %d partitions", created, config.partitions());
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "cannot create topics on %s; readiness stays down until Kafka answers", bootstrap);
        }
    }
}
