package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.domain.ModuleAttempt;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.repository.ModuleAttemptRepository;
import dev.forgeline.orchestrator.repository.OutboxRepository;
import dev.forgeline.orchestrator.repository.RunFileRepository;
import io.smallrye.mutiny.Uni;

/**
 * Starts a new attempt of a module: appends the attempt, moves the module to DISPATCHED with a lease, and
 * writes the GenerateModule command (with the upstream modules' validated files when the generator reads them) into
 * the outbox.
 */
@ApplicationScoped
public class ModuleDispatcher {
    private final OrchestratorConfig config;
    private final ModuleAttemptRepository attempts;
    private final RunFileRepository files;
    private final OutboxRepository outbox;
    private final RunEventRecorder events;

    ModuleDispatcher(OrchestratorConfig config, ModuleAttemptRepository attempts, RunFileRepository files,
            OutboxRepository outbox, RunEventRecorder events) {
        this.config = config;
        this.attempts = attempts;
        this.files = files;
        this.outbox = outbox;
        this.events = events;
    }

    public Uni<Void> dispatch(Run run, RunModule module, List<RunModule> all, Instant now) {
        module.attempt += 1;
        module.status = ModuleStatus.DISPATCHED;
        module.dispatchedAt = now;
        if (module.firstDispatchedAt == null) {
            module.firstDispatchedAt = now;
        }
        module.leaseUntil = now.plus(config.moduleLease());
        module.nextAttemptAt = null;
        String commandId = Ids.commandId(run.id, module.module, module.attempt);

        ModuleAttempt attempt = new ModuleAttempt();
        attempt.id = Ids.uuidV7();
        attempt.runId = run.id;
        attempt.module = module.module;
        attempt.attempt = module.attempt;
        attempt.commandId = commandId;
        attempt.status = ModuleAttempt.DISPATCHED;
        attempt.dispatchedAt = now;

        ProjectSpec spec = JsonColumns.spec(run.spec);
        // Templates render every planned file from the spec alone and read no upstream file, while an LLM reads the
        // upstream code it builds on; shipping those contents to template workers would only cost bytes and time.
        Set<String> upstream = readsUpstream(spec) ? upstreamOf(module, all) : Set.of();
        Instant deadline = module.leaseUntil.isBefore(run.deadlineAt) ? module.leaseUntil : run.deadlineAt;
        return attempts.persist(attempt)
                .chain(() -> files.forModules(run.id, upstream))
                .chain(upstreamFiles -> {
                    GenerateModule command = new GenerateModule(commandId, run.id, module.module, module.attempt,
                            run.stack, spec, JsonColumns.plan(module.plan),
                            upstreamFiles.stream().map(f -> new GeneratedFile(f.path, f.content, f.sha256)).toList(),
                            spec.generatorOrDefault(), JsonColumns.issues(module.issues), deadline, now,
                            runPaths(all));
                    return outbox.enqueue(run.id, Topics.MODULE_COMMANDS, command.recordKey(),
                            CloudEventTypes.GENERATE_MODULE, command);
                })
                .chain(() -> events.moduleChanged(module, now, "attempt " + module.attempt + " of "
                        + module.maxAttempts + " dispatched"));
    }

    /** Whether the run's generator reads upstream files (the LLM provider) or renders from the spec (templates). */
    static boolean readsUpstream(ProjectSpec spec) {
        return !GeneratorSettings.TEMPLATE_PROVIDER.equals(spec.generatorOrDefault().providerOrDefault());
    }

    /** Every path planned for the run: what a module may import besides its own files. */
    static List<String> runPaths(List<RunModule> all) {
        return all.stream().flatMap(m -> JsonColumns.plan(m.plan).requiredPaths().stream()).sorted().toList();
    }

    /** Every module this one depends on, directly or through others. */
    static Set<String> upstreamOf(RunModule module, List<RunModule> all) {
        Map<String, RunModule> byName = all.stream().collect(Collectors.toMap(m -> m.module, Function.identity()));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(module.dependencies());
        while (!todo.isEmpty()) {
            String dep = todo.pop();
            if (seen.add(dep) && byName.containsKey(dep)) {
                todo.addAll(byName.get(dep).dependencies());
            }
        }
        return seen;
    }
}
