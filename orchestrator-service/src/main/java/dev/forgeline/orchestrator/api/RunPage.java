package dev.forgeline.orchestrator.api;

import java.util.List;

/** A page of runs. */
public record RunPage(int page, int size, long total, List<RunSummaryView> runs) {
}
