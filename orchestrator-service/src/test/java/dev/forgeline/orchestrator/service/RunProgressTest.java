package dev.forgeline.orchestrator.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forgeline.orchestrator.domain.RunModule;

class RunProgressTest {

    private static RunModule module(String name, String dependsOn) {
        RunModule m = new RunModule();
        m.module = name;
        m.dependsOn = dependsOn;
        return m;
    }

    @Test
    void downstreamDepthPutsTheHeadOfTheLongestChainFirst() {
        List<RunModule> all = List.of(module("config", ""), module("utils", ""), module("database", ""),
                module("models", "database"), module("services", "models"), module("handlers", "services"),
                module("auth", "utils"));
        var depth = RunProgress.downstreamDepth(all);
        assertThat(depth).containsEntry("database", 3).containsEntry("models", 2).containsEntry("utils", 1)
                .containsEntry("config", 0).containsEntry("handlers", 0);
    }

    @Test
    void backoffDoublesFromTheInitialDelay() {
        var config = new TestConfig(Duration.ofSeconds(3), 2);
        RunProgress progress = new RunProgress(config, null, null, null, null, null, null, null);
        assertThat(List.of(progress.backoff(1), progress.backoff(2), progress.backoff(3)))
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12));
    }

    /** Only the settings backoff reads. */
    private record TestConfig(Duration initialBackoff, double backoffMultiplier)
            implements dev.forgeline.orchestrator.config.OrchestratorConfig {
        public int maxAttempts() {
            return 3;
        }

        public Duration moduleLease() {
            return Duration.ofMinutes(2);
        }

        public Duration runDeadline() {
            return Duration.ofMinutes(5);
        }

        public Duration outboxSweepAge() {
            return Duration.ofSeconds(5);
        }

        public Duration sweepInterval() {
            return Duration.ofSeconds(5);
        }

        public Duration retention() {
            return Duration.ofDays(30);
        }

        public String retentionInterval() {
            return "1h";
        }

        public int partitions() {
            return 12;
        }

        public String source() {
            return "test";
        }
    }
}
