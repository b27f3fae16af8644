package dev.forgeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.StderrLogging;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/**
 * Run latency (submit → terminal status, seen by a client) of a local stack at a given concurrency, and the Kafka
 * produce → consume round trip on the same broker in the same run, so the orchestration overhead reads as a ratio.
 * Every run's spec differs from every other ({@link SpecVariants}). Also prints the CPU each process spent per run
 * (from /proc) and how latency and CPU grow with the spec (1, 10 and 50 entities).
 * Usage: {@code bench/run latency [runs=50] [concurrency=1] [spec=examples/todo-api.json] [warm-up runs=150]
 * [growth runs per size=10, 0 to skip]}.
 */
public final class LatencyBench {
    // The services run C1 only (LocalForgeline); 150 sequential runs (~45 s) is where their latency stops falling.
    private static final int DEFAULT_WARMUP_RUNS = 150;
    // Far above any run count and rate here: the benchmark measures the pipeline, not the quota.
    private static final int QUOTA = 100_000;
    private static final int WARMUP_WINDOW = 30;
    private static final int FLOOR_SAMPLES = 300;
    private static final int DEFAULT_GROWTH_RUNS = 10;

    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path specFile = args.length > 2 ? Path.of(args[2]) : ProjectRoot.find().resolve("examples/todo-api.json");
        int warmupRuns = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_WARMUP_RUNS;
        int growthRuns = args.length > 4 ? Integer.parseInt(args[4]) : DEFAULT_GROWTH_RUNS;
        SpecVariants variants = new SpecVariants(Json.mapper().readTree(Files.readAllBytes(specFile)));
        AtomicInteger runNumber = new AtomicInteger();
        Supplier<byte[]> spec = () -> variants.variant(runNumber.incrementAndGet());

        System.out.printf("starting a local stack (Kafka, PostgreSQL, 3 services)…%n");
        try (LocalForgeline stack = LocalForgeline.start(StackOptions.defaults().httpPort(Ports.freePort())
                .logDir(ProjectRoot.find().resolve("bench/target/service-logs"))
                // Every run of the benchmark is the admin tenant's: lift its quotas past what it submits.
                .quotas(QUOTA, QUOTA))) {
            ApiClient api = stack.adminApi();
            ProcessCpu cpu = new ProcessCpu(stack);
            try (RunEndings terminals = new RunEndings(stack.bootstrapServers())) {
                warmUp(api, terminals, spec, warmupRuns);
                try (HopTimeline timeline = new HopTimeline(stack.bootstrapServers())) {
                    System.out.printf("measuring: %d runs of %s at concurrency %d%n", runs, specFile.getFileName(),
                            concurrency);
                    System.out.println("runs vary: " + SpecVariants.description());
                    Map<String, Double> cpuBefore = cpu.snapshot();
                    long start = System.nanoTime();
                    Result result = measure(api, terminals, spec, runs, concurrency);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Map<String, Double> cpuPerRun = ProcessCpu.perRunMillis(cpuBefore, cpu.snapshot(), runs);
                    Percentiles floor = kafkaRoundTrip(stack.bootstrapServers());

                    Percentiles latency = new Percentiles(result.latenciesMs());
                    System.out.println();
                    System.out.println("run latency (submit → terminal):  " + latency.summary());
                    System.out.printf("throughput:                        %.2f runs/s (%d runs in %.1f s)%n",
                            runs / seconds, runs, seconds);
                    System.out.println("statuses:                          " + result.statuses());
                    System.out.println("Kafka produce → consume (floor):   " + floor.summary());
                    System.out.printf("ratio run p50 / Kafka p50:         %.1f×  (a run is %d Kafka hops on its"
                            + " critical path)%n", latency.at(50) / floor.at(50), criticalHops());
                    System.out.println("CPU per run (user + system from /proc, measured phase):");
                    System.out.print(ProcessCpu.format(cpuPerRun));
                    printTargets(concurrency, latency, runs / seconds, result.statuses(), runs,
                            cpuPerRun.getOrDefault(LocalForgeline.ORCHESTRATOR, 0.0));
                    System.out.println();
                    System.out.println("where the time goes (producer timestamps of each hop, ms):");
                    timeline.shares(result.submittedAt()).forEach((share, p) -> System.out.printf("  %-44s %s%n",
                            share, p.summary()));
                }
                if (growthRuns > 0) {
                    growth(api, terminals, cpu, growthRuns, runNumber);
                }
            }
        }
        // The embedded broker's threads are not daemons and it stops in a shutdown hook: exit, do not linger.
        System.exit(0);
    }

    /** Issue 12's targets, each with whether this run met it. */
    private static void printTargets(int concurrency, Percentiles latency, double runsPerSecond,
            Map<String, Integer> statuses, int runs, double orchestratorCpuMs) {
        boolean allSucceeded = statuses.getOrDefault("SUCCEEDED", 0) == runs;
        System.out.println("targets:");
        if (concurrency == 1) {
            System.out.printf("  p50 ≤ 120 ms at concurrency 1:          %s (%.0f ms)%n", met(latency.at(50) <= 120),
                    latency.at(50));
        } else {
            System.out.printf("  ≥ 30 runs/s at concurrency %d:          %s (%.1f runs/s)%n", concurrency,
                    met(runsPerSecond >= 30), runsPerSecond);
            System.out.printf("  p99 ≤ 1 s:                              %s (%.0f ms)%n", met(latency.at(99) <= 1000),
                    latency.at(99));
        }
        System.out.printf("  every run SUCCEEDED:                    %s%n", met(allSucceeded));
        System.out.printf("  orchestrator CPU ≤ 30 ms per run:       %s (%.1f ms)%n", met(orchestratorCpuMs <= 30),
                orchestratorCpuMs);
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** Latency and CPU per run as the spec grows: sequential runs of 1, 10 and 50 entities, each spec unique. */
    private static void growth(ApiClient api, RunEndings terminals, ProcessCpu cpu, int runs, AtomicInteger runNumber)
            throws Exception {
        System.out.println();
        System.out.printf("growth with the spec (%d sequential runs per size, each spec unique):%n", runs);
        System.out.printf("  %-9s %-34s %-14s %-14s %s%n", "entities", "latency p50 / p95", "orchestrator",
                "worker", "validator + postgresql");
        for (int entities : List.of(1, 10, 50)) {
            SpecVariants variants = new SpecVariants(Json.mapper().valueToTree(GenerationBench.specJson(entities)));
            Supplier<byte[]> spec = () -> variants.variant(runNumber.incrementAndGet());
            measure(api, terminals, spec, 2, 1); // the first runs of a new size warm its templates and rules
            Map<String, Double> before = cpu.snapshot();
            Result result = measure(api, terminals, spec, runs, 1);
            Map<String, Double> perRun = ProcessCpu.perRunMillis(before, cpu.snapshot(), runs);
            Percentiles latency = new Percentiles(result.latenciesMs());
            System.out.printf("  %-9d %-34s %-14s %-14s %.1f + %.1f ms CPU   %s%n", entities,
                    String.format("%.0f / %.0f ms", latency.at(50), latency.at(95)),
                    String.format("%.1f ms CPU", perRun.getOrDefault(LocalForgeline.ORCHESTRATOR, 0.0)),
                    String.format("%.1f ms CPU", perRun.getOrDefault(LocalForgeline.WORKER, 0.0)),
                    perRun.getOrDefault(LocalForgeline.VALIDATOR, 0.0), perRun.getOrDefault("postgresql", 0.0),
                    result.statuses());
        }
    }

    /** Sequential runs until the services are warm, printing how the latency falls from a cold start. */
    private static void warmUp(ApiClient api, RunEndings terminals, Supplier<byte[]> spec, int runs)
            throws InterruptedException {
        System.out.printf("warm-up: %d runs (p50 per %d runs from a cold start):", runs, WARMUP_WINDOW);
        for (int done = 0; done < runs; done += WARMUP_WINDOW) {
            Result window = measure(api, terminals, spec, Math.min(WARMUP_WINDOW, runs - done), 1);
            System.out.printf(" %.0f", new Percentiles(window.latenciesMs()).at(50));
        }
        System.out.println(" ms");
    }

    /** Kafka hops on a todo-api run's critical path: 6 chained modules × 3 topics, plus the run validation's 2. */
    private static int criticalHops() {
        return 6 * 3 + 2;
    }

    private record Result(List<Double> latenciesMs, Map<String, Integer> statuses, Map<String, Long> submittedAt) {
    }

    private static Result measure(ApiClient api, RunEndings terminals, Supplier<byte[]> specs, int runs,
            int concurrency)
            throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(runs);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < runs; i++) {
            slots.acquire();
            pool.submit(() -> {
                try {
                    byte[] spec = specs.get();
                    long submitted = System.nanoTime();
                    long submittedMillis = System.currentTimeMillis();
                    ApiClient.Reply reply = api.submit(spec, null);
                    if (reply.status() != 202) {
                        statuses.merge("REJECTED " + reply.status(), 1, Integer::sum);
                        return;
                    }
                    String runId = reply.json().path("id").asText();
                    submittedAt.put(runId, submittedMillis);
                    RunEndings.Ending ending = terminals.await(runId, Duration.ofMinutes(6));
                    statuses.merge(ending == null ? "NO_TERMINAL_STATUS" : ending.status().name(), 1, Integer::sum);
                    if (ending != null) {
                        latencies.add((ending.seenNanos() - submitted) / 1e6);
                    }
                } finally {
                    slots.release();
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return new Result(latencies, new java.util.TreeMap<>(statuses), submittedAt);
    }

    /** Produce → consume round trips of small records on a fresh topic of the same broker. */
    private static Percentiles kafkaRoundTrip(String bootstrap) throws Exception {
        String topic = "forgeline.bench.floor." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1);
        List<Double> samples = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            for (int i = 0; i < FLOOR_SAMPLES + 20; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
                int received = 0;
                while (received == 0) {
                    received = consumer.poll(Duration.ofMillis(100)).count();
                }
                if (i >= 20) {
                    samples.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return new Percentiles(samples);
    }
}
