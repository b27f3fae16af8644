package dev.forgeline.testkit.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/**
 * One scenario under load: submits {@code runs} template runs at once, injects the fault as soon as the first
 * module verdicts arrive (so every run is in flight), polls the run list, one run's details and one run's files
 * through every orchestrator instance the whole time (counting what the reads answered), waits until every run
 * has ended or the deadline has passed, then reads each run's details and files and computes the figures.
 */
public final class FaultRun {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int PAGE_SIZE = 100;

    private final LocalForgeline stack;
    private final List<ApiClient> apis;
    private final byte[] spec;
    private final int runs;
    private final Duration deadline;
    private final Duration grace;
    private final Map<String, String> referenceFiles;
    private final boolean compareFiles;
    private final ReadCounts reads = new ReadCounts();
    private final List<RunRecord> records = new ArrayList<>();
    private final Map<UUID, RunRecord> byId = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * @param deadline       how long after the fault every run must have ended (else it is stuck)
     * @param grace          how much longer the suite watches a stuck run before calling it lost
     * @param referenceFiles path → sha256 of a good run of {@code spec}, or empty to take the first SUCCEEDED run's
     * @param compareFiles   whether every SUCCEEDED run must hold exactly the reference files
     */
    public FaultRun(LocalForgeline stack, byte[] spec, int runs, Duration deadline, Duration grace,
            Map<String, String> referenceFiles, boolean compareFiles) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        this.stack = stack;
        this.apis = stack.apiBases().stream().map(base -> new ApiClient(base, stack.adminKey())).toList();
        this.spec = spec.clone();
        this.runs = runs;
        this.deadline = deadline;
        this.grace = grace;
        this.referenceFiles = new HashMap<>(referenceFiles);
        this.compareFiles = compareFiles;
    }

    /** Runs the scenario: load, fault, watch, figures. The scenario's restore step runs after the figures. */
    public FaultFigures run(FaultScenario scenario) throws Exception {
        Instant started = Instant.now();
        FaultContext context = new FaultContext(stack);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fault-poller"));
        try {
            submitAll();
            poller.scheduleWithFixedDelay(this::pollSafely, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            if (!Poll.until(this::someModuleValidated, Duration.ofMinutes(3), Duration.ofMillis(50))) {
                throw new IllegalStateException(scenario.name() + ": no module was validated within 3 min of the "
                        + "submissions; the stack is not working before any fault");
            }
            Instant entered = Instant.now();
            scenario.inject(context);
            Instant faultAt = context.faultAt() != null ? context.faultAt() : entered;
            Instant stuckAt = faultAt.plus(deadline);
            Poll.until(this::allTerminal, Duration.between(Instant.now(), stuckAt.plus(grace)), POLL_INTERVAL);
            poller.shutdown();
            poller.awaitTermination(30, TimeUnit.SECONDS);
            pollOnce();
            readFinalState();
            scenario.restore(context);
            return figures(scenario.name(), faultAt, stuckAt, started, context.failedChecks());
        } finally {
            poller.shutdownNow();
        }
    }

    /** The path → sha256 map of the first SUCCEEDED run, for the next scenarios to compare against. */
    public Map<String, String> referenceFiles() {
        return Map.copyOf(referenceFiles);
    }

    private void submitAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, runs), r -> daemon(r, "fault-submit"));
        try {
            List<Future<RunRecord>> submitted = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                submitted.add(pool.submit(this::submitOne));
            }
            for (Future<RunRecord> f : submitted) {
                RunRecord record = f.get(2, TimeUnit.MINUTES);
                records.add(record);
                byId.put(record.id, record);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private RunRecord submitOne() {
        Instant at = Instant.now();
        ApiClient.Reply reply = withFailover(api -> api.submit(spec, null));
        if (reply.status() != 202) {
            throw new IllegalStateException("submission answered " + reply.status() + ": " + reply.body());
        }
        RunRecord record = new RunRecord(UUID.fromString(reply.json().path("id").asText()), at);
        record.saw(reply.json().path("status").asText(), at);
        return record;
    }

    private boolean someModuleValidated() {
        ApiClient.Reply reply = read("/api/runs/" + records.get(0).id);
        if (reply == null || reply.status() != 200) {
            return false;
        }
        for (JsonNode m : reply.json().path("modules")) {
            if (m.path("status").asText().equals("VALIDATED")) {
                return true;
            }
        }
        return false;
    }

    private boolean allTerminal() {
        return records.stream().allMatch(RunRecord::terminal);
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            problems.add("poll: " + e.getMessage());
        }
    }

    /** Pages through the run list (ours are the newest), then reads one unfinished run's details and one run's files. */
    private void pollOnce() {
        Set<UUID> unseen = new HashSet<>();
        records.stream().filter(r -> !r.terminal()).forEach(r -> unseen.add(r.id));
        for (int page = 0; !unseen.isEmpty(); page++) {
            ApiClient.Reply reply = read("/api/runs?page=" + page + "&size=" + PAGE_SIZE);
            if (reply == null || reply.status() != 200) {
                return;
            }
            Instant at = Instant.now();
            JsonNode list = reply.json().path("runs");
            for (JsonNode summary : list) {
                UUID id = UUID.fromString(summary.path("id").asText());
                RunRecord record = byId.get(id);
                if (record != null) {
                    record.saw(summary.path("status").asText(), at);
                    unseen.remove(id);
                }
            }
            if (list.size() < PAGE_SIZE) {
                break;
            }
        }
        List<RunRecord> open = records.stream().filter(r -> !r.terminal()).toList();
        RunRecord any = records.get(ThreadLocalRandom.current().nextInt(records.size()));
        RunRecord pick = open.isEmpty() ? any : open.get(ThreadLocalRandom.current().nextInt(open.size()));
        ApiClient.Reply details = read("/api/runs/" + pick.id);
        if (details != null && details.status() == 200) {
            pick.saw(details.json().path("status").asText(), Instant.now());
        }
        read("/api/runs/" + any.id + "/files");
    }

    private void readFinalState() {
        for (RunRecord record : records) {
            ApiClient.Reply details = read("/api/runs/" + record.id);
            if (details == null) {
                problems.add(record.id + ": details unreadable at the end");
                continue;
            }
            if (details.status() == 404) {
                record.unknown = true;
                continue;
            }
            if (details.status() != 200) {
                problems.add(record.id + ": details answered " + details.status() + " at the end");
                continue;
            }
            record.details = details.json();
            record.saw(record.details.path("status").asText(), Instant.now());
            ApiClient.Reply files = read("/api/runs/" + record.id + "/files");
            if (files != null && files.status() == 200) {
                record.files = files.json();
            }
        }
    }

    private FaultFigures figures(String scenario, Instant faultAt, Instant stuckAt, Instant started,
            List<String> failedChecks) {
        int inFlight = 0;
        int terminal = 0;
        int succeeded = 0;
        int wrong = 0;
        int lost = 0;
        int duplicated = 0;
        int stuck = 0;
        int retries = 0;
        long recovery = 0;
        boolean recovered = true;
        for (RunRecord r : records) {
            // By the server's clock: a poll may first see a run terminal after the fault that ended before it.
            Instant ended = r.details == null ? null : instant(r.details.path("finishedAt"));
            boolean inFlightAtFault = ended == null ? !r.terminalAt(faultAt) : ended.isAfter(faultAt);
            if (inFlightAtFault) {
                inFlight++;
            }
            if (r.unknown || r.details == null || !r.terminal()) {
                lost++;
                stuck++;
                problems.add(r.id + ": never terminal (last status " + r.lastStatus() + ")");
                recovered &= !inFlightAtFault;
                continue;
            }
            terminal++;
            JsonNode d = r.details;
            String status = d.path("status").asText();
            Instant finished = instant(d.path("finishedAt"));
            if (finished == null || finished.isAfter(stuckAt)) {
                stuck++;
                problems.add(r.id + ": ended " + finished + ", after the deadline " + stuckAt);
            }
            String wrongWhy = wrongness(r, status);
            if (wrongWhy != null) {
                wrong++;
                problems.add(r.id + ": " + wrongWhy);
            } else {
                succeeded++;
            }
            String duplicateWhy = duplication(d, r.files);
            if (duplicateWhy != null) {
                duplicated++;
                problems.add(r.id + ": " + duplicateWhy);
            }
            for (JsonNode m : d.path("modules")) {
                retries += Math.max(0, m.path("attempts").size() - 1);
            }
            if (inFlightAtFault) {
                Instant progress = firstProgressAfter(d, faultAt);
                if (progress == null) {
                    recovered = false;
                } else {
                    recovery = Math.max(recovery, Duration.between(faultAt, progress).toMillis());
                }
            }
        }
        return new FaultFigures(scenario, records.size(), inFlight, terminal, succeeded, wrong, lost, duplicated,
                stuck, retries, reads.reads.get(), reads.serverErrors.get(), reads.unavailable.get(),
                reads.connectionFailures.get() + reads.unanswered.get(), recovered ? recovery : null,
                Duration.between(started, Instant.now()).toMillis(), failedChecks, List.copyOf(problems));
    }

    /** Why this run's outcome is not the truth we expect (SUCCEEDED, every module VALIDATED, the reference files). */
    private String wrongness(RunRecord r, String status) {
        if (r.changedAfterTerminal()) {
            return "status changed after a terminal one: " + r.statuses;
        }
        if (!status.equals("SUCCEEDED")) {
            return "ended " + status + " (" + r.details.path("reason").asText() + ")";
        }
        for (JsonNode m : r.details.path("modules")) {
            if (!m.path("status").asText().equals("VALIDATED")) {
                return "SUCCEEDED with module " + m.path("module").asText() + " " + m.path("status").asText();
            }
        }
        if (r.files == null) {
            return "files unreadable";
        }
        Map<String, String> files = new HashMap<>();
        r.files.forEach(f -> files.put(f.path("path").asText(), f.path("sha256").asText()));
        synchronized (referenceFiles) {
            if (!compareFiles) {
                return null;
            } else if (referenceFiles.isEmpty()) {
                referenceFiles.putAll(files);
            } else if (!referenceFiles.equals(files)) {
                return "files differ from the reference run's (" + files.size() + " vs " + referenceFiles.size() + ")";
            }
        }
        return null;
    }

    /** Two attempts of one command, one attempt number twice, a file listed twice or from an unvalidated module. */
    private static String duplication(JsonNode details, JsonNode files) {
        Map<String, String> moduleStatus = new HashMap<>();
        for (JsonNode m : details.path("modules")) {
            String module = m.path("module").asText();
            moduleStatus.put(module, m.path("status").asText());
            Set<String> commands = new HashSet<>();
            Set<Integer> numbers = new HashSet<>();
            for (JsonNode a : m.path("attempts")) {
                if (!commands.add(a.path("commandId").asText())) {
                    return module + ": command " + a.path("commandId").asText() + " has two attempts";
                }
                if (!numbers.add(a.path("attempt").asInt())) {
                    return module + ": attempt " + a.path("attempt").asInt() + " twice";
                }
            }
        }
        if (files != null) {
            Set<String> paths = new HashSet<>();
            for (JsonNode f : files) {
                String path = f.path("path").asText();
                if (!paths.add(path)) {
                    return "file " + path + " listed twice";
                }
                String module = f.path("module").asText();
                if (!"VALIDATED".equals(moduleStatus.get(module))) {
                    return "file " + path + " of module " + module + " which is " + moduleStatus.get(module);
                }
            }
        }
        return null;
    }

    /** The first module verdict (an attempt's end) or the run's own end after {@code faultAt}, by the server's clock. */
    private static Instant firstProgressAfter(JsonNode details, Instant faultAt) {
        Instant first = null;
        for (JsonNode m : details.path("modules")) {
            for (JsonNode a : m.path("attempts")) {
                first = earlierAfter(first, instant(a.path("finishedAt")), faultAt);
            }
        }
        return earlierAfter(first, instant(details.path("finishedAt")), faultAt);
    }

    private static Instant earlierAfter(Instant current, Instant candidate, Instant after) {
        if (candidate == null || !candidate.isAfter(after)) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : Instant.parse(node.asText());
    }

    /** A GET through the instances in turn; an instance that cannot be reached is skipped, a 5xx is counted. */
    private ApiClient.Reply read(String path) {
        ApiClient.Reply reply;
        try {
            reply = withFailover(api -> api.get(path));
        } catch (IllegalStateException e) {
            reads.unanswered.incrementAndGet();
            return null;
        }
        reads.reads.incrementAndGet();
        if (reply.status() == 503) {
            reads.unavailable.incrementAndGet();
        } else if (reply.status() >= 500) {
            reads.serverErrors.incrementAndGet();
            problems.add("GET " + path + " answered " + reply.status() + ": " + abbreviate(reply.body()));
        }
        return reply;
    }

    private ApiClient.Reply withFailover(java.util.function.Function<ApiClient, ApiClient.Reply> call) {
        IllegalStateException last = null;
        int first = Math.floorMod(turn.getAndIncrement(), apis.size());
        for (int i = 0; i < apis.size(); i++) {
            try {
                return call.apply(apis.get((first + i) % apis.size()));
            } catch (IllegalStateException e) {
                reads.connectionFailures.incrementAndGet();
                last = e;
            }
        }
        throw last;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
