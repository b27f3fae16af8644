package dev.forgeline.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The worker's settings ({@code forgeline.worker.*}): identity, topic creation, concurrency and test-only faults. */
@ConfigMapping(prefix = "forgeline.worker")
public interface WorkerConfig {

    /** This worker's id in ModuleGenerated and in {@code ce_source}; default {@code <hostname>-<pid>}. */
    Optional<String> id();

    /** Partitions of the topics this worker creates at start-up when they are missing. */
    @WithDefault("12")
    int partitions();

    /** Whether to create missing topics at start-up (off when topics are managed elsewhere). */
    @WithName("create-topics")
    @WithDefault("true")
    boolean createTopics();

    /** How many modules one worker generates at the same time. */
    @WithDefault("4")
    int concurrency();

    /** Test-only fault switches. */
    Faults faults();

    /** Fault switches for end-to-end tests; all off by default. */
    interface Faults {
        /** Modules whose every file is wrapped in markdown fences, so the validator always rejects them. */
        @WithName("fence-modules")
        Optional<List<String>> fenceModules();
    }

    /** The configured id, or {@code <hostname>-<pid>}. */
    static String resolveId(Optional<String> configured) {
        return configured.filter(id -> !id.isBlank()).orElseGet(() -> hostname() + "-" + ProcessHandle.current().pid());
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
