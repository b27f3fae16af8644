package dev.forgeline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.ModuleDefinition;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.StderrLogging;
import dev.forgeline.testkit.llm.FaultyLlm;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/**
 * How close an LLM-bound run's wall time comes to its critical path. The LLM is a local OpenAI-compatible endpoint
 * ({@link FaultyLlm}) that answers every module after a fixed delay (2 s) with files that pass validation, so the
 * whole real path runs: the worker's LLM provider, its HTTP client and fault tolerance, the LLM slots. Prints, for
 * one run and for batches of concurrent runs of todo-api: wall / critical path (critical path = the longest
 * dependency chain of module durations, from the stack's plan: the delay for each LLM module, 0 for the stack's
 * templateOnly modules) and sequential / wall (sequential = every module's duration, one after another).
 * Usage: {@code bench/run dag [delay seconds=2] [concurrent batches=5,20] [llm-concurrency=32] [warm-up runs=20]}.
 */
public final class DagBench {
    private static final double TARGET = 1.05;

    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        Duration delay = Duration.ofMillis((long) (1000 * (args.length > 0 ? Double.parseDouble(args[0]) : 2)));
        int[] batches = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] { 5, 20 };
        int llmConcurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        if (delay.isNegative() || delay.isZero() || llmConcurrency < 1 || warmUp < 1
                || Arrays.stream(batches).anyMatch(b -> b < 1)) {
            System.err.println("usage: bench/run dag [delay seconds > 0] [batches, e.g. 5,20] [llm-concurrency >= 1]"
                    + " [warm-up runs >= 1]");
            System.exit(2);
        }
        ObjectNode base = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(
                ProjectRoot.find().resolve("examples/todo-api.json")));
        ObjectNode generator = base.putObject("generator");
        generator.put("provider", "llm");
        generator.put("model", "faulty-coder");
        SpecVariants variants = new SpecVariants(base);
        AtomicInteger runNumber = new AtomicInteger();

        try (FaultyLlm llm = FaultyLlm.start().delay(delay)) {
            System.out.printf("starting a local stack (Kafka, PostgreSQL, 3 services; 1 worker, llm-concurrency %d)…%n",
                    llmConcurrency);
            StackOptions options = StackOptions.defaults().httpPort(Ports.freePort()).quotas(10_000, 100_000)
                    .logDir(ProjectRoot.find().resolve("bench/target/service-logs-dag"))
                    .env(LocalForgeline.WORKER, "FORGELINE_LLM_BASE_URL", llm.baseUrl())
                    .env(LocalForgeline.WORKER, "FORGELINE_LLM_MODEL", "faulty-coder")
                    .env(LocalForgeline.WORKER, "FORGELINE_WORKER_LLM_CONCURRENCY", String.valueOf(llmConcurrency))
                    .env(LocalForgeline.WORKER, "FORGELINE_WORKER_MAX_IN_FLIGHT", String.valueOf(2 * (llmConcurrency + 4)));
            try (LocalForgeline stack = LocalForgeline.start(options);
                    RunEndings endings = new RunEndings(stack.bootstrapServers())) {
                ApiClient api = stack.adminApi();
                byte[] first = variants.variant(runNumber.incrementAndGet());
                Plan plan = Plan.of(first, delay);
                System.out.printf("LLM: every module answered after %d ms; spec todo-api with provider llm, runs vary: %s%n",
                        delay.toMillis(), SpecVariants.description());
                System.out.printf("plan: %s%n", plan.describe());
                System.out.printf("critical path %.1f s (%s), sequential %.1f s per run%n", plan.critical() / 1000.0,
                        String.join(" → ", plan.chain()), plan.sequential() / 1000.0);
                // Warm-up: the services run C1-compiled code that keeps getting faster for the first runs (see
                // bench/run latency); one batch at once warms every module's path in the time of about one run.
                List<byte[]> warmSpecs = new ArrayList<>(List.of(first));
                while (warmSpecs.size() < warmUp) {
                    warmSpecs.add(variants.variant(runNumber.incrementAndGet()));
                }
                Batch warm = batch(api, endings, warmSpecs, plan);
                System.out.printf("warm-up: %d runs at once, %s, wall %.1f s%n", warmUp, warm.statuses(),
                        warm.wallMs() / 1000.0);
                System.out.println();
                System.out.printf("%-12s %-12s %-16s %-18s %-22s %s%n", "runs", "wall", "wall / critical",
                        "sequential / wall", "per run wall/crit", "statuses");
                List<Integer> sizes = new ArrayList<>();
                sizes.add(1);
                Arrays.stream(batches).forEach(sizes::add);
                boolean singleMet = false;
                for (int size : sizes) {
                    List<byte[]> specs = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        byte[] spec = variants.variant(runNumber.incrementAndGet());
                        Plan own = Plan.of(spec, delay);
                        if (own.critical() != plan.critical() || own.sequential() != plan.sequential()) {
                            throw new IllegalStateException("a variant changed the module graph: " + own.describe());
                        }
                        specs.add(spec);
                    }
                    int before = llm.requests();
                    Batch result;
                    Map<String, Percentiles> shares;
                    try (HopTimeline timeline = new HopTimeline(stack.bootstrapServers())) {
                        result = batch(api, endings, specs, plan);
                        shares = timeline.shares(result.submittedAt());
                    }
                    double ratio = result.wallMs() / plan.critical();
                    double speedup = size * plan.sequential() / result.wallMs();
                    System.out.printf("%-12s %-12s %-16s %-18s %-22s %s   (%d LLM requests)%n",
                            size == 1 ? "1 (single)" : size + " at once",
                            String.format("%.2f s", result.wallMs() / 1000.0), String.format("%.3f ×", ratio),
                            String.format("%.2f ×", speedup),
                            String.format("p50 %.3f, max %.3f", result.perRun(50) / plan.critical(),
                                    result.perRun(100) / plan.critical()),
                            result.statuses(), llm.requests() - before);
                    System.out.printf("%-12s along the critical path, mean per run: %s%n", "", result.where().describe());
                    System.out.printf("%-12s per hop, every module of the runs (Kafka producer timestamps; the worker's"
                            + " share includes the LLM's %d ms for LLM modules):%n", "", delay.toMillis());
                    shares.forEach((share, p) -> System.out.printf("%-14s %-44s p50 %7.1f ms, max %7.1f ms (n=%d)%n",
                            "", share, p.at(50), p.at(100), p.count()));
                    if (size == 1) {
                        singleMet = ratio <= TARGET;
                    }
                }
                System.out.println();
                System.out.printf("target: a single run ≤ %.2f × its critical path: %s%n", TARGET,
                        singleMet ? "met" : "NOT met");
                System.out.println("LLM endpoint: " + llm.summary());
                System.out.println("(wall: first submit → last terminal status seen on forgeline.run.events; the"
                        + " machine is shared and noisy, so ratios vary by a few % between invocations)");
            }
        }
        System.exit(0);
    }

    /** Submits every spec at once and waits for all of them to end. */
    private static Batch batch(ApiClient api, RunEndings endings, List<byte[]> specs, Plan plan) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        long start = System.nanoTime();
        List<Future<RunEndings.Ending>> futures = new ArrayList<>();
        List<Long> submitted = new ArrayList<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> submittedAt = new java.util.concurrent.ConcurrentHashMap<>();
        for (byte[] spec : specs) {
            futures.add(pool.submit(() -> {
                long postedAt = System.currentTimeMillis();
                ApiClient.Reply reply = api.submit(spec, null);
                if (reply.status() != 202) {
                    throw new IllegalStateException("submit answered " + reply.status() + ": " + reply.body());
                }
                String id = reply.json().path("id").asText();
                ids.add(id);
                submittedAt.put(id, postedAt);
                return endings.await(id, Duration.ofMinutes(6));
            }));
            submitted.add(System.nanoTime());
        }
        Map<String, Integer> statuses = new TreeMap<>();
        List<Double> perRun = new ArrayList<>();
        long last = start;
        for (int i = 0; i < futures.size(); i++) {
            RunEndings.Ending ending = futures.get(i).get();
            statuses.merge(ending == null ? "NO_TERMINAL_STATUS" : ending.status().name(), 1, Integer::sum);
            if (ending != null) {
                last = Math.max(last, ending.seenNanos());
                perRun.add((ending.seenNanos() - submitted.get(i)) / 1e6);
            }
        }
        pool.shutdown();
        Breakdown where = Breakdown.ZERO;
        for (String id : ids) {
            where = where.plus(Breakdown.of(api.get("/api/runs/" + id).json(), plan.chain()));
        }
        return new Batch((last - start) / 1e6, statuses, new Percentiles(perRun), where.dividedBy(ids.size()),
                submittedAt);
    }

    /**
     * Where a run's time goes along its critical chain (ms, from the orchestrator's record of each attempt):
     * submit → first dispatch; the generations (the LLM's wait and the worker); the rest of each module's span
     * (Kafka to and from the worker, validation, the orchestrator storing the verdict); the hops from one module's
     * end to the next one's dispatch; and the last module's end → run validation → terminal status.
     */
    record Breakdown(double toFirstDispatch, double generation, double restOfModule, double hops, double toTerminal) {
        static final Breakdown ZERO = new Breakdown(0, 0, 0, 0, 0);

        static Breakdown of(com.fasterxml.jackson.databind.JsonNode run, List<String> chain) {
            Map<String, com.fasterxml.jackson.databind.JsonNode> modules = new HashMap<>();
            run.path("modules").forEach(m -> modules.put(m.path("module").asText(), m));
            double generation = 0;
            double rest = 0;
            double hops = 0;
            java.time.Instant created = java.time.Instant.parse(run.path("createdAt").asText());
            java.time.Instant previousEnd = null;
            java.time.Instant firstDispatch = null;
            for (String name : chain) {
                var module = modules.get(name);
                var attempts = module.path("attempts");
                var last = attempts.get(attempts.size() - 1);
                java.time.Instant dispatched = java.time.Instant.parse(last.path("dispatchedAt").asText());
                java.time.Instant finished = java.time.Instant.parse(last.path("finishedAt").asText());
                double gen = last.path("generationMs").asDouble(0);
                generation += gen;
                rest += ms(dispatched, finished) - gen;
                if (previousEnd == null) {
                    firstDispatch = dispatched;
                } else {
                    hops += ms(previousEnd, dispatched);
                }
                previousEnd = finished;
            }
            java.time.Instant ended = java.time.Instant.parse(run.path("finishedAt").asText(previousEnd.toString()));
            return new Breakdown(ms(created, firstDispatch), generation, rest, hops, ms(previousEnd, ended));
        }

        private static double ms(java.time.Instant from, java.time.Instant to) {
            return Duration.between(from, to).toNanos() / 1e6;
        }

        Breakdown plus(Breakdown o) {
            return new Breakdown(toFirstDispatch + o.toFirstDispatch, generation + o.generation,
                    restOfModule + o.restOfModule, hops + o.hops, toTerminal + o.toTerminal);
        }

        Breakdown dividedBy(int n) {
            return n == 0 ? this : new Breakdown(toFirstDispatch / n, generation / n, restOfModule / n, hops / n,
                    toTerminal / n);
        }

        String describe() {
            return String.format("submit→first dispatch %.2f s, generation %.2f s, rest of the modules' spans"
                    + " (Kafka, validation, verdict) %.2f s, hops between modules %.2f s, last module→terminal %.2f s",
                    toFirstDispatch / 1000, generation / 1000, restOfModule / 1000, hops / 1000, toTerminal / 1000);
        }
    }

    private record Batch(double wallMs, Map<String, Integer> statuses, Percentiles perRunMs, Breakdown where,
            Map<String, Long> submittedAt) {
        double perRun(int percentile) {
            return perRunMs.at(percentile);
        }
    }

    /** The run's module graph with each module's nominal duration: the delay for LLM modules, 0 for templateOnly. */
    record Plan(Map<String, Long> durations, Map<String, List<String>> dependsOn) {
        static Plan of(byte[] specJson, Duration delay) {
            SpecParser.Result parsed = SpecParser.parse(new String(specJson, StandardCharsets.UTF_8));
            if (!parsed.ok()) {
                throw new IllegalStateException("the bench spec is invalid: " + parsed.violations());
            }
            ProjectSpec spec = parsed.spec();
            StackDefinition stack = StackCatalog.load().get(spec.stack());
            Map<String, Long> durations = new java.util.LinkedHashMap<>();
            Map<String, List<String>> dependsOn = new HashMap<>();
            for (ModulePlan module : StackPlanner.plan(stack, spec)) {
                boolean templateOnly = stack.module(module.module()).map(ModuleDefinition::templateOnly).orElse(false);
                durations.put(module.module(), templateOnly ? 0 : delay.toMillis());
                dependsOn.put(module.module(), module.dependsOn());
            }
            return new Plan(durations, dependsOn);
        }

        /** The longest chain's total duration (ms). */
        double critical() {
            return finish(chainEnd());
        }

        double sequential() {
            return durations.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The modules of the longest chain, first to last. */
        List<String> chain() {
            List<String> chain = new ArrayList<>();
            for (String module = chainEnd(); module != null; module = slowestDependency(module)) {
                chain.add(0, module);
            }
            return chain;
        }

        String describe() {
            StringBuilder out = new StringBuilder();
            durations.forEach((module, ms) -> out.append(module).append(ms == 0 ? " (template)" : " (llm)")
                    .append(dependsOn.get(module).isEmpty() ? "" : " ← " + String.join(",", dependsOn.get(module)))
                    .append("; "));
            return out.toString();
        }

        private String chainEnd() {
            return durations.keySet().stream().max((a, b) -> Double.compare(finish(a), finish(b))).orElseThrow();
        }

        private String slowestDependency(String module) {
            return dependsOn.get(module).stream().max((a, b) -> Double.compare(finish(a), finish(b))).orElse(null);
        }

        /** When the module ends if everything starts as soon as its dependencies end. */
        private double finish(String module) {
            double ready = dependsOn.get(module).stream().mapToDouble(this::finish).max().orElse(0);
            return ready + durations.get(module);
        }
    }
}
