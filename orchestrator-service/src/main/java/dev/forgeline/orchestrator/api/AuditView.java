package dev.forgeline.orchestrator.api;

import java.time.Instant;

/** One audited action on a run: SUBMITTED, REPLAYED or CANCELLED, by whom and when. */
public record AuditView(String action, String tenant, String keyName, Instant at) {
}
