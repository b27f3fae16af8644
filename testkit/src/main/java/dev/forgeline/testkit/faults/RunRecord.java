package dev.forgeline.testkit.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Everything the suite saw of one run: when it was submitted, each status it reported, its final details and files. */
final class RunRecord {
    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED");

    /** One status as first seen by a poll. */
    record Seen(String status, Instant at) {
    }

    final UUID id;
    final Instant submittedAt;
    final List<Seen> statuses = new ArrayList<>();
    JsonNode details;
    JsonNode files;
    boolean unknown;

    RunRecord(UUID id, Instant submittedAt) {
        this.id = id;
        this.submittedAt = submittedAt;
    }

    synchronized void saw(String status, Instant at) {
        if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).status().equals(status)) {
            statuses.add(new Seen(status, at));
        }
    }

    synchronized String lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).status();
    }

    synchronized boolean terminal() {
        String s = lastStatus();
        return s != null && TERMINAL.contains(s);
    }

    synchronized boolean terminalAt(Instant at) {
        for (Seen seen : statuses) {
            if (TERMINAL.contains(seen.status()) && !seen.at().isAfter(at)) {
                return true;
            }
        }
        return false;
    }

    /** A terminal status followed by any other: the status was not the truth at some point. */
    synchronized boolean changedAfterTerminal() {
        for (int i = 0; i < statuses.size() - 1; i++) {
            if (TERMINAL.contains(statuses.get(i).status())) {
                return true;
            }
        }
        return false;
    }
}
