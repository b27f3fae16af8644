package dev.forgeline.worker.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {

    @Test
    void secondsMillisecondsAndHttpDatesAreUnderstood() {
        assertThat(LlmTransport.retryAfter(null, "2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(LlmTransport.retryAfter(null, "1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(LlmTransport.retryAfter("250", "7")).isEqualTo(Duration.ofMillis(250));
        String inTenSeconds = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10)
                .format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(LlmTransport.retryAfter(null, inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void absentOrUnreadableValuesMeanNoHint() {
        assertThat(LlmTransport.retryAfter(null, null)).isNull();
        assertThat(LlmTransport.retryAfter(null, "soon")).isNull();
    }

    @Test
    void backoffHonoursRetryAfterAndOtherwiseGrowsExponentiallyWithJitter() {
        RetryAfterBackoff backoff = new RetryAfterBackoff();
        backoff.init(100);
        long first = backoff.nextDelayInMillis(new LlmTransientException("500"));
        long second = backoff.nextDelayInMillis(new LlmTransientException("500"));
        long rateLimited = backoff.nextDelayInMillis(new LlmTransientException("429", 429, Duration.ofMillis(1200)));

        assertThat(first).isBetween(50L, 100L);
        assertThat(second).isBetween(100L, 200L);
        assertThat(rateLimited).isBetween(1200L, 1320L);
    }
}
