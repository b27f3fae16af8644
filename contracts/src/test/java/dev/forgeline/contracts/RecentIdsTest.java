package dev.forgeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentIdsTest {
    private final AtomicLong now = new AtomicLong();
    private final RecentIds ids = new RecentIds(3, Duration.ofMinutes(10), now::get);

    @Test
    void aRepeatWithinTheAgeIsRefusedAndAFirstSightingIsTaken() {
        assertThat(ids.claim("run/models/1")).isTrue();
        assertThat(ids.claim("run/models/1")).isFalse();
        assertThat(ids.claim("run/models/2")).as("another attempt is another command").isTrue();
    }

    @Test
    void aForgottenIdIsWorkedOnAgain() {
        ids.claim("a");
        ids.forget("a");

        assertThat(ids.claim("a")).isTrue();
    }

    @Test
    void idsOlderThanTheAgeAreForgotten() {
        ids.claim("a");
        now.addAndGet(Duration.ofMinutes(10).plusNanos(1).toNanos());

        assertThat(ids.size()).isZero();
        assertThat(ids.claim("a")).isTrue();
    }

    @Test
    void theOldestIdGoesWhenTheCapacityIsReached() {
        ids.claim("a");
        ids.claim("b");
        ids.claim("c");
        ids.claim("d");

        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.claim("a")).as("a was evicted").isTrue();
        assertThat(ids.claim("d")).isFalse();
    }

    @Test
    void aNullIdIsNeverARepeat() {
        assertThat(ids.claim(null)).isTrue();
        assertThat(ids.claim(null)).isTrue();
        assertThat(ids.size()).isZero();
    }
}
