package dev.forgeline.orchestrator.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunStatus;

/**
 * A run loaded once: its changing columns, its modules in plan order, its immutable {@link RunPlan}, and the owners of
 * the file paths the next inputs touch. {@link #copy()} gives a state machine its own value to change.
 */
public final class RunState {
    public UUID id;
    public String name;
    /** The tenant that submitted the run; never changes. */
    public String tenant;
    /** The key name (or JWT subject) that submitted it; null for runs from before issue 15. */
    public String submittedBy;
    public RunStatus status;
    public String reason;
    public int validations;
    public Double successRate;
    /** The run validator's verdict as JSON, or null. */
    public String report;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant deadlineAt;
    public RunPlan plan;
    public final Map<String, ModuleState> modules = new LinkedHashMap<>();
    /** Path → module that wrote it, for the paths the inputs at hand touch (a subset of the run's files). */
    public final Map<String, String> fileOwners = new HashMap<>();
    /** Module → bytes of its accepted files, loaded with the file owners (so only when the inputs carry files). */
    public final Map<String, Long> moduleBytes = new HashMap<>();

    public RunState copy() {
        RunState c = new RunState();
        c.id = id;
        c.name = name;
        c.tenant = tenant;
        c.submittedBy = submittedBy;
        c.status = status;
        c.reason = reason;
        c.validations = validations;
        c.successRate = successRate;
        c.report = report;
        c.createdAt = createdAt;
        c.updatedAt = updatedAt;
        c.startedAt = startedAt;
        c.finishedAt = finishedAt;
        c.deadlineAt = deadlineAt;
        c.plan = plan;
        modules.forEach((name, m) -> c.modules.put(name, m.copy()));
        c.fileOwners.putAll(fileOwners);
        c.moduleBytes.putAll(moduleBytes);
        return c;
    }

    public ModuleState module(String name) {
        return modules.get(name);
    }

    public List<ModuleState> moduleList() {
        return new ArrayList<>(modules.values());
    }

    /** When the earliest scheduled retry of the run is due, or null. */
    public Instant nextRetryAt() {
        return modules.values().stream()
                .filter(m -> m.status == ModuleStatus.RETRY_SCHEDULED && m.nextAttemptAt != null)
                .map(m -> m.nextAttemptAt).min(Instant::compareTo).orElse(null);
    }
}
