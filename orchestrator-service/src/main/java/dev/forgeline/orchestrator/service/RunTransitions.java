package dev.forgeline.orchestrator.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.domain.Change;
import dev.forgeline.orchestrator.domain.Outgoing;
import dev.forgeline.orchestrator.domain.RunInput;
import dev.forgeline.orchestrator.domain.RunMachine;
import dev.forgeline.orchestrator.domain.RunRules;
import dev.forgeline.orchestrator.domain.RunState;
import dev.forgeline.orchestrator.domain.Transition;
import dev.forgeline.orchestrator.outbox.OutboxRecord;
import dev.forgeline.orchestrator.outbox.OutboxTransactions;
import dev.forgeline.orchestrator.outbox.OutboxTransactions.Staged;
import dev.forgeline.orchestrator.repository.RunStore;
import dev.forgeline.orchestrator.repository.RunStore.Written;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies inputs to runs in one transaction: loads every run concerned once (locked), folds its inputs through the
 * {@link RunMachine} in order, writes the changes with batched statements and the outbox rows, and publishes them
 * after the commit.
 */
@ApplicationScoped
public class RunTransitions {
    private final OrchestratorConfig config;
    private final RunStore store;
    private final OutboxTransactions transactions;
    private final RunMachine machine;
    private final RunMetrics metrics;

    RunTransitions(OrchestratorConfig config, RunStore store, OutboxTransactions transactions, RunMetrics metrics) {
        this.config = config;
        this.store = store;
        this.transactions = transactions;
        this.metrics = metrics;
        this.machine = new RunMachine(rules(config));
    }

    static RunRules rules(OrchestratorConfig config) {
        return new RunRules(config.maxAttempts(), config.initialBackoff(), config.backoffMultiplier(),
                config.moduleLease(), config.runDeadline());
    }

    /**
     * One input for one run; {@code traceParent} is the W3C trace context of the span that brought it (a consumed
     * verdict), stored with the outbox rows it causes; null when tracing is off or for timers.
     */
    public record Command(UUID runId, RunInput input, String traceParent) {
        public Command(UUID runId, RunInput input) {
            this(runId, input, null);
        }
    }

    public RunMachine machine() {
        return machine;
    }

    /** Applies the commands in order; one result per command. Domain refusals roll the whole transaction back. */
    public Uni<List<Transition>> apply(List<Command> commands) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Command command : commands) {
            ids.add(command.runId());
            if (command.input() instanceof RunInput.ModuleVerdict v && v.verdict().passed()) {
                v.verdict().files().forEach(f -> paths.add(f.path()));
            }
        }
        return transactions.commit(c -> store.load(c, ids, paths).chain(loaded -> {
            Map<UUID, RunState> current = new HashMap<>(loaded);
            Map<UUID, List<Change>> changes = new LinkedHashMap<>();
            List<Emitted> emitted = new ArrayList<>();
            List<Transition> results = new ArrayList<>();
            List<RunState> befores = new ArrayList<>();
            for (Command command : commands) {
                befores.add(current.get(command.runId()));
                Transition t = machine.apply(command.runId(), current.get(command.runId()), command.input());
                results.add(t);
                if (t.applied()) {
                    current.put(command.runId(), t.state());
                    changes.computeIfAbsent(command.runId(), id -> new ArrayList<>()).addAll(t.changes());
                    t.outgoing().forEach(o -> emitted.add(new Emitted(command.runId(), o, command.traceParent())));
                }
            }
            List<Written> written = changes.entrySet().stream()
                    .map(e -> new Written(loaded.get(e.getKey()), current.get(e.getKey()), e.getValue())).toList();
            return store.write(c, written).chain(() -> records(c, emitted))
                    .map(rs -> new Staged<>(new Applied(befores, results), rs));
        })).invoke(applied -> applied.record(metrics)).map(Applied::results);
    }

    /** The transitions of one commit with the states they were applied to. */
    private record Applied(List<RunState> befores, List<Transition> results) {
        void record(RunMetrics metrics) {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).applied()) {
                    metrics.transitioned(befores.get(i), results.get(i));
                }
            }
        }
    }

    /**
     * Stores a run the machine just created, with everything its creation emitted, after {@code guard} (the tenant's
     * quota) passed in the same transaction, in the trace of the submission ({@code traceParent}, null when tracing
     * is off).
     */
    public Uni<Transition> create(Transition created, String canonicalSpec, String idempotencyKey,
            String submittedBy, Function<SqlConnection, Uni<Void>> guard, String traceParent) {
        RunState run = created.state();
        List<Emitted> emitted = created.outgoing().stream().map(o -> new Emitted(run.id, o, traceParent)).toList();
        return transactions.commit(c -> guard.apply(c)
                .chain(() -> store.insert(c, run, canonicalSpec, idempotencyKey, submittedBy))
                .chain(() -> store.write(c, List.of(new Written(null, run, created.changes()))))
                .chain(() -> records(c, emitted))
                .map(rs -> new Staged<>(created, rs)))
                .invoke(t -> {
                    metrics.submitted();
                    metrics.transitioned(null, t);
                });
    }

    private record Emitted(UUID runId, Outgoing outgoing, String traceParent) {
    }

    /** The outbox records, in emission order, with the file contents commands carry read in this transaction. */
    private Uni<List<OutboxRecord>> records(SqlConnection c, List<Emitted> emitted) {
        Instant now = Instant.now();
        Instant claimedUntil = now.plus(config.outboxSweepAge());
        return Multi.createFrom().iterable(emitted).onItem().transformToUniAndConcatenate(e -> {
            if (e.outgoing() instanceof Outgoing.Event event) {
                return Uni.createFrom().item(record(e, Topics.RUN_EVENTS, e.runId().toString(),
                        CloudEventTypes.RUN_EVENT, event.event(), now, claimedUntil));
            } else if (e.outgoing() instanceof Outgoing.Generate generate) {
                GenerateModule command = generate.command();
                return store.upstreamFiles(c, e.runId(), generate.upstreamModules())
                        .map(files -> record(e, Topics.MODULE_COMMANDS, command.recordKey(),
                                CloudEventTypes.GENERATE_MODULE, withUpstream(command, files), now, claimedUntil));
            }
            ValidateRun command = ((Outgoing.Validate) e.outgoing()).command();
            return store.allFiles(c, e.runId()).map(files -> record(e, Topics.RUN_COMMANDS,
                    e.runId().toString(), CloudEventTypes.VALIDATE_RUN, new ValidateRun(command.commandId(),
                            command.runId(), command.validation(), command.stack(), command.modules(), files),
                    now, claimedUntil));
        }).collect().asList();
    }

    private static GenerateModule withUpstream(GenerateModule c, List<GeneratedFile> files) {
        return files.isEmpty() ? c : new GenerateModule(c.commandId(), c.runId(), c.module(), c.attempt(), c.stack(),
                c.spec(), c.plan(), files, c.generator(), c.previousIssues(), c.deadline(), c.issuedAt(), c.runPaths());
    }

    private static OutboxRecord record(Emitted e, String topic, String key, String ceType, Object payload,
            Instant now, Instant claimedUntil) {
        return new OutboxRecord(Ids.uuidV7(), e.runId(), topic, key, ceType, Json.write(payload), now, claimedUntil,
                e.traceParent());
    }
}
