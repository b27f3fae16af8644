package dev.forgeline.worker.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.RecentIds;

/**
 * The commands this worker took on in the last 15 minutes (at most 50,000): a command delivered again to this worker
 * (a redelivery, a duplicate record) is acknowledged and skipped, not generated a second time.
 */
@ApplicationScoped
public class RecentCommands {
    // 15 min covers a command's whole life (2 min lease, 3 attempts, backoff); 50,000 ids are a few MB.
    private final RecentIds ids = new RecentIds(50_000, Duration.ofMinutes(15));

    /** True for the first delivery of {@code commandId} to this worker (it is now taken on). */
    public boolean firstDelivery(String commandId) {
        return ids.claim(commandId);
    }

    /** The command was handed back unanswered or its answer was not published: a later delivery is generated. */
    public void unanswered(String commandId) {
        ids.forget(commandId);
    }
}
