package dev.forgeline.orchestrator.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;

/** The per-run event history behind the SSE streams: order, duplicates, resume, end and eviction. */
class RunEventLogTest {
    private final UUID run = Ids.uuidV7();

    private RunEvent event(String status) {
        return new RunEvent(Ids.uuidV7(), run, RunEventType.RUN_STATUS_CHANGED, null, null, status, Instant.now(),
                null);
    }

    @Test
    void aFollowerGetsTheHistoryThenLiveEventsOnceEachAndDuplicatesAreDropped() {
        RunEventLog log = new RunEventLog(10, 100);
        RunEvent queued = event("QUEUED");
        RunEvent running = event("RUNNING");
        log.append(queued);
        log.append(queued);
        List<RunEvent> seen = new ArrayList<>();
        List<Boolean> ended = new ArrayList<>();
        log.follow(run, null, seen::add, ended::add);
        log.append(running);
        log.append(running);
        assertThat(seen).containsExactly(queued, running);
        assertThat(ended).containsExactly(false);
    }

    @Test
    void resumingAfterAnEventIdSendsOnlyWhatCameAfterItAndAFinishedHistoryEndsTheStream() {
        RunEventLog log = new RunEventLog(10, 100);
        RunEvent queued = event("QUEUED");
        RunEvent running = event("RUNNING");
        RunEvent succeeded = event("SUCCEEDED");
        List.of(queued, running, succeeded).forEach(log::append);
        List<RunEvent> seen = new ArrayList<>();
        List<Boolean> ended = new ArrayList<>();
        log.follow(run, queued.eventId(), seen::add, ended::add);
        assertThat(seen).containsExactly(running, succeeded);
        assertThat(ended).containsExactly(true);
    }

    @Test
    void aCancelledFollowerGetsNothingMore() {
        RunEventLog log = new RunEventLog(10, 100);
        List<RunEvent> seen = new ArrayList<>();
        log.follow(run, null, seen::add, ended -> { }).cancel();
        log.append(event("QUEUED"));
        assertThat(seen).isEmpty();
    }

    @Test
    void beyondMaxRunsTheLeastRecentlyTouchedRunWithoutFollowersIsForgotten() {
        RunEventLog log = new RunEventLog(2, 100);
        UUID followed = Ids.uuidV7();
        UUID idle = Ids.uuidV7();
        UUID newest = Ids.uuidV7();
        log.follow(followed, null, e -> { }, ended -> { });
        log.append(new RunEvent(Ids.uuidV7(), idle, RunEventType.RUN_STATUS_CHANGED, null, null, "QUEUED",
                Instant.now(), null));
        log.append(new RunEvent(Ids.uuidV7(), newest, RunEventType.RUN_STATUS_CHANGED, null, null, "QUEUED",
                Instant.now(), null));
        assertThat(log.knows(followed)).isTrue();
        assertThat(log.knows(idle)).isFalse();
        assertThat(log.knows(newest)).isTrue();
    }
}
