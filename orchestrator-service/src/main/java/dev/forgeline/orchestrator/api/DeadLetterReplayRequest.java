package dev.forgeline.orchestrator.api;

import java.util.List;

/** {@code POST /api/dead-letters/replay}: the records to re-publish, by id, or every record of one topic. */
public record DeadLetterReplayRequest(List<String> ids, String topic) {
}
