package dev.forgeline.orchestrator.api;

import java.util.List;

/**
 * A page of dead letters, newest first: {@code total} records were read of the {@code retained} ones on the topics
 * ({@code truncated} when the read stopped at {@code forgeline.dead-letters.max-scan}).
 */
public record DeadLetterPage(int page, int size, int total, long retained, boolean truncated,
        List<DeadLetterView> deadLetters) {
}
