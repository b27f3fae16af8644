package dev.forgeline.validation.config;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.TopicAdmin;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Creates Forgeline's topics at start-up, before the messaging channels connect (they start at priority 1000). */
@ApplicationScoped
public class TopicBootstrap {
    private final ValidationConfig config;
    private final String bootstrapServers;

    public TopicBootstrap(ValidationConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.createTopics()) {
            Log.info("topic creation disabled (forgeline.validation.create-topics=false)");
            return;
        }
        List<String> created = TopicAdmin.ensureTopics(bootstrapServers, config.partitions(), (short) 1);
        Log.infof("topics ready at %s (%d partitions): created %s", bootstrapServers, config.partitions(),
                created.isEmpty() ? "none" : created);
    }
}
