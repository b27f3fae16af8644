package dev.forgeline.worker.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerLimitsConfigTest {

    @Test
    void limitsThatFitStart() {
        assertThatCode(() -> WorkerStartup.checkLimits(4, 32, 36)).doesNotThrowAnyException();
    }

    @Test
    void maxInFlightBelowBothLimitsIsRefusedNamingTheSettings() {
        assertThatThrownBy(() -> WorkerStartup.checkLimits(4, 32, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forgeline.worker.max-in-flight (20)")
                .hasMessageContaining("template-concurrency + forgeline.worker.llm-concurrency (4 + 32 = 36)");
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> WorkerStartup.checkLimits(0, 32, 72))
                .hasMessage("forgeline.worker.template-concurrency must be at least 1, was 0");
        assertThatThrownBy(() -> WorkerStartup.checkLimits(4, 0, 72))
                .hasMessage("forgeline.worker.llm-concurrency must be at least 1, was 0");
    }
}
