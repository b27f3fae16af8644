package dev.forgeline.orchestrator.api;

import java.util.List;

/** Body of {@code POST /api/runs/{id}/replay}: the modules to regenerate (optional; default: those that failed). */
public record ReplayRequest(List<String> modules) {
}
