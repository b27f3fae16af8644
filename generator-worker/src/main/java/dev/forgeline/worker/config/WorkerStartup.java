package dev.forgeline.worker.config;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.TopicAdmin;
import dev.forgeline.contracts.TopicSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Creates the missing topics before the Kafka connectors start, and warns when a fault switch is on. */
@ApplicationScoped
public class WorkerStartup {
    private final WorkerConfig config;
    private final String bootstrapServers;
    private final TopicSettings topics;

    public WorkerStartup(WorkerConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = TopicSettings.CREATE, defaultValue = "true") boolean createTopics,
            @ConfigProperty(name = TopicSettings.REPLICATION_FACTOR, defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = TopicSettings.MIN_INSYNC_REPLICAS, defaultValue = "1") int minInsyncReplicas) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.topics = new TopicSettings(createTopics, config.partitions(), replicationFactor, minInsyncReplicas);
    }

    /** Runs before SmallRye Reactive Messaging wires its channels (which observes at LIBRARY_BEFORE). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        checkLimits(config);
        String workerId = WorkerConfig.resolveId(config.id());
        List<String> fenced = config.faults().fenceModules().orElse(List.of());
        if (!fenced.isEmpty()) {
            Log.warnf("FAULT SWITCH ON: forgeline.worker.faults.fence-modules=%s; every file of these modules is "
                    + "wrapped in markdown fences and will be rejected. Never enable this outside tests.", fenced);
        }
        if (topics.create()) {
            List<String> created = TopicAdmin.ensureTopics(bootstrapServers, topics);
            Log.infof("topics checked on %s: created %s", bootstrapServers, created.isEmpty() ? "none" : created);
        }
        Log.infof("generator-worker %s ready to consume (template-concurrency %d, llm-concurrency %d, max-in-flight %d)",
                workerId, config.templateConcurrency(), config.llmConcurrency(), config.maxInFlight());
    }

    /** Refuses to start with limits that cannot work, naming the setting. */
    static void checkLimits(WorkerConfig config) {
        checkLimits(config.templateConcurrency(), config.llmConcurrency(), config.maxInFlight());
    }

    static void checkLimits(int template, int llm, int maxInFlight) {
        if (template < 1) {
            throw new IllegalArgumentException("forgeline.worker.template-concurrency must be at least 1, was " + template);
        }
        if (llm < 1) {
            throw new IllegalArgumentException("forgeline.worker.llm-concurrency must be at least 1, was " + llm);
        }
        if (maxInFlight < template + llm) {
            throw new IllegalArgumentException("forgeline.worker.max-in-flight (" + maxInFlight + ") must be at least "
                    + "forgeline.worker.template-concurrency + forgeline.worker.llm-concurrency (" + template + " + "
                    + llm + " = " + (template + llm) + "): below it the slots can never all be busy");
        }
    }
}
