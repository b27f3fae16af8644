package dev.forgeline.validation.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.RecentIds;

/**
 * The generated modules and run commands this validator answered in the last 15 minutes (at most 50,000, by command
 * id): a record delivered again to this instance is acknowledged and skipped, not validated a second time.
 */
@ApplicationScoped
public class RecentValidations {
    private final RecentIds ids = new RecentIds(50_000, Duration.ofMinutes(15));

    /** True for the first delivery of {@code commandId} to this validator (it is now taken on). */
    public boolean firstDelivery(String commandId) {
        return ids.claim(commandId);
    }

    /** The verdict was not published: a later delivery is validated. */
    public void unanswered(String commandId) {
        ids.forget(commandId);
    }
}
