package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InFlightCommandsTest {

    @Test
    void drainAdmitsNothingNewAndReturnsAsSoonAsTheCommandsInFlightFinish() throws Exception {
        InFlightCommands commands = new InFlightCommands();
        assertThat(commands.tryAdmit()).isTrue();
        assertThat(commands.tryAdmit()).isTrue();

        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return commands.drain(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(commands::draining);

        assertThat(commands.tryAdmit()).as("a command arriving while draining is released").isFalse();
        commands.finished();
        assertThat(drained).isNotDone();
        long before = System.nanoTime();
        commands.finished();

        assertThat(drained.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(5000);
        assertThat(commands.finishedWhileDraining()).isEqualTo(2);
        assertThat(commands.peakInFlight()).isEqualTo(2);
    }

    @Test
    void drainGivesUpAfterTheGraceAndReportsWhatIsStillInFlight() throws Exception {
        InFlightCommands commands = new InFlightCommands();
        commands.tryAdmit();

        long started = System.nanoTime();
        int left = commands.drain(Duration.ofMillis(300));

        assertThat(left).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 5000L);
    }

    @Test
    void peaksCountCommandsGeneratingAtOnce() {
        InFlightCommands commands = new InFlightCommands();
        commands.tryAdmit();
        commands.generationStarted();
        commands.tryAdmit();
        commands.generationStarted();
        commands.generationEnded();
        commands.generationEnded();
        commands.tryAdmit();
        commands.generationStarted();

        assertThat(commands.peakGenerating()).isEqualTo(2);
        assertThat(commands.generating()).isEqualTo(1);
        assertThat(commands.inFlight()).isEqualTo(3);
    }
}
