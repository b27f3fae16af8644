package dev.forgeline.orchestrator.api;

import java.util.List;

import dev.forgeline.orchestrator.service.DeadLetterService;

/** What a replay did, per record, with the counts of each outcome. */
public record DeadLetterReplayResult(int replayed, int alreadyReplayed, int notFound, boolean truncated,
        List<DeadLetterService.Replay> results) {
    static DeadLetterReplayResult of(DeadLetterService.Replays replays) {
        return new DeadLetterReplayResult(count(replays, DeadLetterService.Outcome.replayed),
                count(replays, DeadLetterService.Outcome.alreadyReplayed),
                count(replays, DeadLetterService.Outcome.notFound), replays.truncated(), replays.results());
    }

    private static int count(DeadLetterService.Replays replays, DeadLetterService.Outcome outcome) {
        return (int) replays.results().stream().filter(r -> r.outcome() == outcome).count();
    }
}
