package dev.forgeline.orchestrator.repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.RunPlan;

/**
 * Parsed plans of the runs this process works on, by run id: a run's spec and plans never change once submitted,
 * so they are parsed at submission (or at the first load here) and never again. Keyed by run, not by content, so two
 * runs of one spec share nothing.
 */
@ApplicationScoped
public class RunPlans {
    private static final int CAPACITY = 512;

    private final Map<UUID, RunPlan> recent = Collections.synchronizedMap(new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RunPlan> eldest) {
            return size() > CAPACITY;
        }
    });

    public RunPlan get(UUID runId) {
        return recent.get(runId);
    }

    public void put(UUID runId, RunPlan plan) {
        recent.put(runId, plan);
    }
}
