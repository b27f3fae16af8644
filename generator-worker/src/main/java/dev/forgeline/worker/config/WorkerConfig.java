package dev.forgeline.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The worker's settings ({@code forgeline.worker.*}): identity, topic creation, the two concurrency limits and test-only faults. */
@ConfigMapping(prefix = "forgeline.worker")
public interface WorkerConfig {

    /** This worker's id in ModuleGenerated and in {@code ce_source}; default {@code <hostname>-<pid>}. */
    Optional<String> id();

    /** Partitions of the topics this worker creates at start-up when they are missing. */
    @WithDefault("12")
    int partitions();

    /**
     * Template renderings one worker runs at the same time: CPU-bound, so about the worker's cores.
     * Environment {@code FORGELINE_WORKER_TEMPLATE_CONCURRENCY}.
     */
    @WithName("template-concurrency")
    @WithDefault("4")
    int templateConcurrency();

    /**
     * LLM generations one worker runs at the same time: they wait on HTTP, so far more than the cores; also the
     * bulkhead of the LLM client. Environment {@code FORGELINE_WORKER_LLM_CONCURRENCY}.
     */
    @WithName("llm-concurrency")
    @WithDefault("32")
    int llmConcurrency();

    /**
     * Commands one worker holds at once (admitted, waiting for a slot, generating or publishing): the bound of the
     * consumer's {@code forgeline-generation} pool. At least template + LLM concurrency, so that a queue of one kind
     * cannot keep the other's slots idle; checked at start-up.
     */
    @WithName("max-in-flight")
    @WithDefault("72")
    int maxInFlight();

    /**
     * The most one command may take from the start of its generation: beyond it the worker answers ModuleGenerated
     * FAILED, retryable. Below the orchestrator's module lease (2 min), so the answer comes before the lease expires.
     */
    @WithName("command-timeout")
    @WithDefault("110s")
    Duration commandTimeout();

    /**
     * On shutdown (SIGTERM), how long the worker waits for the commands in flight to be generated and their results
     * acknowledged by Kafka. Commands not finished by then are released: never acknowledged, so redelivered.
     */
    @WithName("shutdown-grace")
    @WithDefault("15s")
    Duration shutdownGrace();

    /** Test-only fault switches. */
    Faults faults();

    /** Fault switches for end-to-end tests; all off by default. */
    interface Faults {
        /** Modules whose every file is wrapped in markdown fences, so the validator always rejects them. */
        @WithName("fence-modules")
        Optional<List<String>> fenceModules();

        /** A pause before each generation (a slow provider), for timeout, concurrency and shutdown tests. */
        Optional<Duration> delay();

        /** The modules the delay applies to; unset: every module. */
        @WithName("delay-modules")
        Optional<List<String>> delayModules();
    }

    /** The configured id, else the hostname in a container (PID 1: a container or pod name), else {@code <hostname>-<pid>}. */
    static String resolveId(Optional<String> configured) {
        return resolveId(configured, hostname(), ProcessHandle.current().pid());
    }

    static String resolveId(Optional<String> configured, String hostname, long pid) {
        return configured.filter(id -> !id.isBlank()).orElseGet(() -> pid == 1 ? hostname : hostname + "-" + pid);
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
