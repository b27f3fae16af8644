package dev.forgeline.orchestrator.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.orchestrator.domain.AttemptStatus;
import dev.forgeline.orchestrator.domain.Change;
import dev.forgeline.orchestrator.domain.ModuleState;
import dev.forgeline.orchestrator.domain.RunPlan;
import dev.forgeline.orchestrator.domain.RunState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Loads runs into {@link RunState} values (locked for the transaction) and writes what transitions changed, with
 * one batched statement per kind of row. Plans are parsed once per run and process ({@link RunPlans}).
 */
@ApplicationScoped
public class RunStore {
    private static final String LOCK_RUNS = """
            select id, name, tenant, submitted_by, status, reason, validations, success_rate, report, created_at, updated_at, started_at,
                   finished_at, deadline_at
              from runs where id = any($1) order by id for update""";
    private static final String MODULES = """
            select run_id, module, position, status, critical, attempt, max_attempts, first_dispatched_at,
                   dispatched_at, lease_until, next_attempt_at, validated_at, finished_at, coverage, file_count,
                   reason, issues
              from run_modules where run_id = any($1) order by run_id, position""";
    private static final String FILE_OWNERS =
            "select run_id, path, module from run_files where run_id = any($1) and path = any($2)";
    private static final String MODULE_BYTES =
            "select run_id, module, sum(size_bytes) as bytes from run_files where run_id = any($1) group by run_id, module";
    private static final String SPECS = "select id, stack, spec from runs where id = any($1)";
    private static final String PLANS = "select run_id, plan from run_modules where run_id = any($1) order by run_id, position";
    private static final String INSERT_RUN = """
            insert into runs (id, name, stack, spec, status, reason, idempotency_key, validations, success_rate,
                              report, created_at, updated_at, started_at, finished_at, deadline_at, tenant,
                              submitted_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)""";
    private static final String INSERT_AUDIT =
            "insert into run_audit (id, run_id, action, tenant, key_name, at) values ($1, $2, $3, $4, $5, $6)";
    private static final String UPDATE_RUN = """
            update runs set status = $2, reason = $3, validations = $4, success_rate = $5, report = $6,
                            updated_at = $7, started_at = $8, finished_at = $9, deadline_at = $10,
                            version = version + 1
             where id = $1""";
    private static final String INSERT_MODULE = """
            insert into run_modules (id, run_id, module, position, status, critical, depends_on, plan, attempt,
                                     max_attempts, first_dispatched_at, dispatched_at, lease_until, next_attempt_at,
                                     validated_at, finished_at, coverage, file_count, reason, issues)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)""";
    private static final String UPDATE_MODULE = """
            update run_modules set status = $3, attempt = $4, max_attempts = $5, first_dispatched_at = $6,
                                   dispatched_at = $7, lease_until = $8, next_attempt_at = $9, validated_at = $10,
                                   finished_at = $11, coverage = $12, file_count = $13, reason = $14, issues = $15,
                                   version = version + 1
             where run_id = $1 and module = $2""";
    private static final String INSERT_ATTEMPT = """
            insert into module_attempts (id, run_id, module, attempt, command_id, status, dispatched_at)
            values ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String JUDGE_ATTEMPT = """
            update module_attempts set status = $4, finished_at = $5, provider = $6, worker_id = $7,
                                       generation_ms = $8, validation_ms = $9, coverage = $10, issues = $11
             where run_id = $1 and module = $2 and attempt = $3""";
    private static final String EXPIRE_ATTEMPT = """
            update module_attempts set status = $4, finished_at = $5
             where run_id = $1 and module = $2 and attempt = $3""";
    private static final String DELETE_FILES = "delete from run_files where run_id = $1 and module = $2";
    private static final String INSERT_FILE = """
            insert into run_files (id, run_id, module, path, content, sha256, size_bytes)
            values ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String UPSTREAM_FILES =
            "select path, content, sha256 from run_files where run_id = $1 and module = any($2) order by path";
    private static final String ALL_FILES =
            "select module, path, content, sha256 from run_files where run_id = $1 order by path";

    private final RunPlans plans;

    RunStore(RunPlans plans) {
        this.plans = plans;
    }

    /** A run before and after the transitions applied to it, with their row changes in order. */
    public record Written(RunState before, RunState after, List<Change> changes) {
    }

    /**
     * Loads and locks the runs (in id order, so concurrent batches cannot deadlock), their modules, the owners of
     * the given paths and, when there are paths, each module's file bytes. Runs that do not exist are absent.
     */
    public Uni<Map<UUID, RunState>> load(SqlConnection c, Collection<UUID> ids, Collection<String> paths) {
        UUID[] idArray = ids.stream().distinct().toArray(UUID[]::new);
        Tuple byIds = Tuple.of(idArray);
        // The queries are pipelined on the connection: one round trip, executed in order, so the modules,
        // file owners and sizes are read after the runs' locks are held.
        Uni<RowSet<Row>> runsQuery = c.preparedQuery(LOCK_RUNS).execute(byIds);
        Uni<RowSet<Row>> modulesQuery = c.preparedQuery(MODULES).execute(byIds);
        Uni<RowSet<Row>> ownersQuery = paths.isEmpty() ? Uni.createFrom().nullItem()
                : c.preparedQuery(FILE_OWNERS).execute(Tuple.of(idArray, paths.toArray(String[]::new)));
        Uni<RowSet<Row>> bytesQuery = paths.isEmpty() ? Uni.createFrom().nullItem()
                : c.preparedQuery(MODULE_BYTES).execute(byIds);
        return Uni.combine().all().unis(runsQuery, modulesQuery, ownersQuery, bytesQuery).asTuple().chain(rows -> {
            Map<UUID, RunState> states = new LinkedHashMap<>();
            for (Row row : rows.getItem1()) {
                RunState s = readRun(row);
                states.put(s.id, s);
            }
            for (Row row : rows.getItem2()) {
                RunState s = states.get(row.getUUID("run_id"));
                if (s != null) {
                    ModuleState m = readModule(row);
                    s.modules.put(m.module, m);
                }
            }
            if (rows.getItem3() != null) {
                for (Row row : rows.getItem3()) {
                    RunState s = states.get(row.getUUID("run_id"));
                    if (s != null) {
                        s.fileOwners.put(row.getString("path"), row.getString("module"));
                    }
                }
            }
            if (rows.getItem4() != null) {
                for (Row row : rows.getItem4()) {
                    RunState s = states.get(row.getUUID("run_id"));
                    if (s != null) {
                        s.moduleBytes.put(row.getString("module"), row.getLong("bytes"));
                    }
                }
            }
            return attachPlans(c, states);
        });
    }

    private Uni<Map<UUID, RunState>> attachPlans(SqlConnection c, Map<UUID, RunState> states) {
        List<UUID> missing = new ArrayList<>();
        states.values().forEach(s -> {
            s.plan = plans.get(s.id);
            if (s.plan == null) {
                missing.add(s.id);
            }
        });
        if (missing.isEmpty()) {
            return Uni.createFrom().item(states);
        }
        Tuple byIds = Tuple.of(missing.toArray(UUID[]::new));
        return c.preparedQuery(SPECS).execute(byIds).chain(specRows -> c.preparedQuery(PLANS).execute(byIds)
                .map(planRows -> {
                    Map<UUID, List<ModulePlan>> byRun = new HashMap<>();
                    planRows.forEach(row -> byRun.computeIfAbsent(row.getUUID("run_id"), id -> new ArrayList<>())
                            .add(Json.read(row.getString("plan"), ModulePlan.class)));
                    specRows.forEach(row -> {
                        UUID id = row.getUUID("id");
                        RunPlan plan = new RunPlan(row.getString("stack"),
                                Json.read(row.getString("spec"), ProjectSpec.class), byRun.getOrDefault(id, List.of()));
                        plans.put(id, plan);
                        states.get(id).plan = plan;
                    });
                    return states;
                }));
    }

    /** Inserts a new run and its modules as the machine created them (attempts, files, outbox go through write). */
    public Uni<Void> insert(SqlConnection c, RunState run, String canonicalSpec, String idempotencyKey,
            String submittedBy) {
        Tuple runRow = Sql.tuple(run.id, run.name, run.plan.stack(), canonicalSpec, run.status.name(), run.reason,
                idempotencyKey, run.validations, run.successRate, run.report, run.createdAt, run.updatedAt,
                run.startedAt, run.finishedAt, run.deadlineAt, run.tenant, submittedBy);
        List<Tuple> moduleRows = run.modules.values().stream().map(m -> {
            ModulePlan plan = run.plan.plan(m.module);
            return Sql.tuple(Ids.uuidV7(), run.id, m.module, m.position, m.status.name(), m.critical,
                    String.join(",", plan.dependsOn()), Json.write(plan), m.attempt, m.maxAttempts,
                    m.firstDispatchedAt, m.dispatchedAt, m.leaseUntil, m.nextAttemptAt, m.validatedAt, m.finishedAt,
                    m.coverage, m.fileCount, m.reason, m.issues);
        }).toList();
        return c.preparedQuery(INSERT_RUN).execute(runRow)
                .chain(() -> c.preparedQuery(INSERT_MODULE).executeBatch(moduleRows))
                .invoke(() -> plans.put(run.id, run.plan))
                .replaceWithVoid();
    }

    /** Writes the runs, the modules that changed, and every row change, one batched statement per kind. */
    public Uni<Void> write(SqlConnection c, List<Written> written) {
        List<Tuple> runs = new ArrayList<>();
        List<Tuple> modules = new ArrayList<>();
        List<Tuple> attemptsStarted = new ArrayList<>();
        List<Tuple> attemptsJudged = new ArrayList<>();
        List<Tuple> attemptsExpired = new ArrayList<>();
        List<Tuple> filesDeleted = new ArrayList<>();
        List<Tuple> filesInserted = new ArrayList<>();
        List<Tuple> audited = new ArrayList<>();
        for (Written w : written) {
            RunState run = w.after();
            if (w.before() != null) {
                runs.add(Sql.tuple(run.id, run.status.name(), run.reason, run.validations, run.successRate,
                        run.report, run.updatedAt, run.startedAt, run.finishedAt, run.deadlineAt));
                for (ModuleState m : run.modules.values()) {
                    if (!same(w.before().module(m.module), m)) {
                        modules.add(Sql.tuple(run.id, m.module, m.status.name(), m.attempt, m.maxAttempts,
                                m.firstDispatchedAt, m.dispatchedAt, m.leaseUntil, m.nextAttemptAt, m.validatedAt,
                                m.finishedAt, m.coverage, m.fileCount, m.reason, m.issues));
                    }
                }
            }
            for (Change change : w.changes()) {
                if (change instanceof Change.AttemptStarted a) {
                    attemptsStarted.add(Sql.tuple(Ids.uuidV7(), run.id, a.module(), a.attempt(), a.commandId(),
                            AttemptStatus.DISPATCHED, a.at()));
                } else if (change instanceof Change.AttemptJudged j) {
                    ModuleValidated v = j.verdict();
                    attemptsJudged.add(Sql.tuple(run.id, v.module(), v.attempt(), j.status(), j.at(), v.provider(),
                            v.workerId(), v.generationMs(), v.durationMs(), v.coverage(), Json.write(v.issues())));
                } else if (change instanceof Change.AttemptExpired e) {
                    attemptsExpired.add(Sql.tuple(run.id, e.module(), e.attempt(), AttemptStatus.EXPIRED, e.at()));
                } else if (change instanceof Change.Audited a) {
                    audited.add(Sql.tuple(Ids.uuidV7(), run.id, a.action(), a.actor().tenant(), a.actor().keyName(),
                            a.at()));
                } else if (change instanceof Change.FilesDeleted d) {
                    filesDeleted.add(Sql.tuple(run.id, d.module()));
                } else if (change instanceof Change.FilesAccepted f) {
                    for (GeneratedFile file : f.files()) {
                        filesInserted.add(Sql.tuple(Ids.uuidV7(), run.id, f.module(), file.path(), file.content(),
                                file.sha256(), file.sizeBytes()));
                    }
                }
            }
        }
        // Pipelined on the connection (one round trip), executed in this order: attempts before their verdicts,
        // deletes before inserts.
        List<Uni<Void>> statements = new ArrayList<>();
        batch(c, UPDATE_RUN, runs, statements);
        batch(c, UPDATE_MODULE, modules, statements);
        batch(c, INSERT_ATTEMPT, attemptsStarted, statements);
        batch(c, JUDGE_ATTEMPT, attemptsJudged, statements);
        batch(c, EXPIRE_ATTEMPT, attemptsExpired, statements);
        batch(c, DELETE_FILES, filesDeleted, statements);
        batch(c, INSERT_FILE, filesInserted, statements);
        batch(c, INSERT_AUDIT, audited, statements);
        return statements.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }

    /** The validated files of the given modules of a run, as a generator reads them. */
    public Uni<List<GeneratedFile>> upstreamFiles(SqlConnection c, UUID runId, Set<String> modules) {
        if (modules.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery(UPSTREAM_FILES).execute(Tuple.of(runId, modules.toArray(String[]::new)))
                .map(rows -> map(rows, r -> new GeneratedFile(r.getString("path"), r.getString("content"),
                        r.getString("sha256"))));
    }

    /** Every validated file of a run, as the run validator reads them. */
    public Uni<List<RunFile>> allFiles(SqlConnection c, UUID runId) {
        return c.preparedQuery(ALL_FILES).execute(Tuple.of(runId))
                .map(rows -> map(rows, r -> new RunFile(r.getString("module"), r.getString("path"),
                        r.getString("content"), r.getString("sha256"))));
    }

    private static <T> List<T> map(Iterable<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        rows.forEach(r -> out.add(mapper.apply(r)));
        return out;
    }

    private static void batch(SqlConnection c, String sql, List<Tuple> rows, List<Uni<Void>> statements) {
        if (!rows.isEmpty()) {
            statements.add((rows.size() == 1 ? c.preparedQuery(sql).execute(rows.get(0))
                    : c.preparedQuery(sql).executeBatch(rows)).replaceWithVoid());
        }
    }

    private static RunState readRun(Row row) {
        RunState s = new RunState();
        s.id = row.getUUID("id");
        s.name = row.getString("name");
        s.tenant = row.getString("tenant");
        s.submittedBy = row.getString("submitted_by");
        s.status = RunStatus.valueOf(row.getString("status"));
        s.reason = row.getString("reason");
        s.validations = row.getInteger("validations");
        s.successRate = row.getDouble("success_rate");
        s.report = row.getString("report");
        s.createdAt = Sql.instant(row, "created_at");
        s.updatedAt = Sql.instant(row, "updated_at");
        s.startedAt = Sql.instant(row, "started_at");
        s.finishedAt = Sql.instant(row, "finished_at");
        s.deadlineAt = Sql.instant(row, "deadline_at");
        return s;
    }

    private static ModuleState readModule(Row row) {
        ModuleState m = new ModuleState();
        m.module = row.getString("module");
        m.position = row.getInteger("position");
        m.status = ModuleStatus.valueOf(row.getString("status"));
        m.critical = row.getBoolean("critical");
        m.attempt = row.getInteger("attempt");
        m.maxAttempts = row.getInteger("max_attempts");
        m.firstDispatchedAt = Sql.instant(row, "first_dispatched_at");
        m.dispatchedAt = Sql.instant(row, "dispatched_at");
        m.leaseUntil = Sql.instant(row, "lease_until");
        m.nextAttemptAt = Sql.instant(row, "next_attempt_at");
        m.validatedAt = Sql.instant(row, "validated_at");
        m.finishedAt = Sql.instant(row, "finished_at");
        m.coverage = row.getDouble("coverage");
        m.fileCount = row.getInteger("file_count");
        m.reason = row.getString("reason");
        m.issues = row.getString("issues");
        return m;
    }

    private static boolean same(ModuleState a, ModuleState b) {
        return a != null && a.status == b.status && a.attempt == b.attempt && a.maxAttempts == b.maxAttempts
                && Objects.equals(a.firstDispatchedAt, b.firstDispatchedAt)
                && Objects.equals(a.dispatchedAt, b.dispatchedAt) && Objects.equals(a.leaseUntil, b.leaseUntil)
                && Objects.equals(a.nextAttemptAt, b.nextAttemptAt) && Objects.equals(a.validatedAt, b.validatedAt)
                && Objects.equals(a.finishedAt, b.finishedAt) && Objects.equals(a.coverage, b.coverage)
                && a.fileCount == b.fileCount && Objects.equals(a.reason, b.reason)
                && Objects.equals(a.issues, b.issues);
    }
}
