package dev.forgeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.stacks.render.ProjectModel;
import dev.forgeline.stacks.render.TemplateRenderer;
import dev.forgeline.testkit.Ports;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.StderrLogging;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;
import dev.forgeline.testkit.local.StackOptions;

/**
 * Generation time per run for specs of 1, 10 and 50 entities: the template provider's work (plan + render every
 * file of every module, the CPU a worker spends on a run), against the floor of serialising the same files to
 * JSON (what any provider must do to publish them), so the cost reads as a ratio measured in the same run. With
 * {@code --stack} it also runs each spec through a local stack and prints submit → SUCCEEDED wall time.
 * Usage: {@code bench/run generation [iterations=50] [--stack]}.
 */
public final class GenerationBench {
    private static final int[] SIZES = { 1, 10, 50 };

    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        int iterations = 50;
        boolean stack = false;
        for (String arg : args) {
            if (arg.equals("--stack")) {
                stack = true;
            } else {
                iterations = Integer.parseInt(arg);
            }
        }
        StackDefinition definition = StackCatalog.load().get("express-js");
        TemplateRenderer renderer = new TemplateRenderer();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        System.out.printf("template generation, CPU time per run (median of %d after warm-up), one thread%n",
                iterations);
        System.out.printf("%-9s %6s %9s %10s %12s %12s %9s%n", "entities", "files", "KiB", "render ms",
                "per entity", "JSON ms", "ratio");
        Map<Integer, Double> perRun = new TreeMap<>();
        // Warm every size before measuring any, so the JIT has seen the largest spec's shapes too.
        for (int round = 0; round < iterations; round++) {
            for (int size : SIZES) {
                Json.write(render(definition, renderer, spec(size)));
            }
        }
        for (int size : SIZES) {
            ProjectSpec spec = spec(size);
            Map<String, String> files = render(definition, renderer, spec);
            List<Double> renderMs = new ArrayList<>();
            List<Double> jsonMs = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                long start = cpu.getCurrentThreadCpuTime();
                render(definition, renderer, spec);
                long rendered = cpu.getCurrentThreadCpuTime();
                Json.write(files);
                long serialised = cpu.getCurrentThreadCpuTime();
                renderMs.add((rendered - start) / 1e6);
                jsonMs.add((serialised - rendered) / 1e6);
            }
            double render = new Percentiles(renderMs).at(50);
            double json = new Percentiles(jsonMs).at(50);
            long bytes = files.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            perRun.put(size, render);
            System.out.printf("%-9d %6d %9.1f %10.2f %12.3f %12.3f %8.1f×%n", size, files.size(), bytes / 1024.0,
                    render, render / size, json, render / Math.max(json, 1e-3));
        }
        System.out.printf("scaling: 50 entities cost %.1f× one entity's run (linear would be 50×)%n",
                perRun.get(50) / perRun.get(1));

        if (stack) {
            endToEnd();
            // The embedded broker's threads are not daemons and it stops in a shutdown hook: exit, do not linger.
            System.exit(0);
        }
    }

    /** Submit → SUCCEEDED of each size through a local stack (Kafka, PostgreSQL, the three services). */
    private static void endToEnd() throws Exception {
        System.out.printf("%nstarting a local stack (Kafka, PostgreSQL, 3 services)…%n");
        try (LocalForgeline local = LocalForgeline.start(StackOptions.defaults().httpPort(Ports.freePort())
                .logDir(ProjectRoot.find().resolve("bench/target/service-logs")))) {
            ApiClient api = local.adminApi();
            runOnce(api, 1);
            System.out.printf("%-9s %12s %8s%n", "entities", "run ms", "modules");
            for (int size : SIZES) {
                long start = System.nanoTime();
                JsonNode run = runOnce(api, size);
                System.out.printf("%-9d %12.0f %8d   %s%n", size, (System.nanoTime() - start) / 1e6,
                        run.path("modules").size(), run.path("status").asText());
            }
        }
    }

    private static JsonNode runOnce(ApiClient api, int size) throws Exception {
        ApiClient.Reply reply = api.submit(Json.write(specJson(size)).getBytes(StandardCharsets.UTF_8), null);
        if (reply.status() != 202) {
            throw new IllegalStateException("submission of " + size + " entities refused: " + reply.body());
        }
        String id = reply.json().path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = api.get("/api/runs/" + id).json();
            if (List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED").contains(run.path("status").asText())) {
                return run;
            }
            Thread.sleep(20); // a benchmark's poll interval, not test synchronisation
        }
        throw new IllegalStateException("run " + id + " of " + size + " entities did not end within 6 minutes");
    }

    private static Map<String, String> render(StackDefinition stack, TemplateRenderer renderer, ProjectSpec spec) {
        ProjectModel model = ProjectModel.of(spec);
        Map<String, String> files = new TreeMap<>();
        for (ModulePlan module : StackPlanner.plan(stack, spec)) {
            for (PlannedFile file : module.files()) {
                files.put(file.path(), renderer.render(stack, model, file));
            }
        }
        return files;
    }

    private static ProjectSpec spec(int entities) {
        SpecParser.Result parsed = SpecParser.parse(Json.write(specJson(entities)));
        if (!parsed.violations().isEmpty()) {
            throw new IllegalStateException("bench spec invalid: " + parsed.violations());
        }
        return parsed.spec();
    }

    /** One field of each common type, the first one required. */
    static final List<Map<String, Object>> FIELDS = List.of(
            Map.of("name", "title", "type", "string", "required", true, "maxLength", 120),
            Map.of("name", "notes", "type", "text"),
            Map.of("name", "quantity", "type", "integer", "min", 0),
            Map.of("name", "price", "type", "decimal"),
            Map.of("name", "active", "type", "boolean"),
            Map.of("name", "dueOn", "type", "date"),
            Map.of("name", "state", "type", "enum", "values", List.of("NEW", "OPEN", "DONE")));

    /** N entities with one field of each common type and a many-to-one chain, tests on, auth off. */
    static Map<String, Object> specJson(int entities) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            List<Object> fields = List.copyOf(FIELDS);
            List<Object> relations = i == 0 ? List.of()
                    : List.of(Map.of("kind", "many-to-one", "name", "parent", "target", "Item" + (i - 1)));
            list.add(Map.of("name", "Item" + i, "fields", fields, "relations", relations));
        }
        return Map.of("name", "bench-" + entities, "stack", "express-js", "generator", Map.of("provider", "template"),
                "options", Map.of("auth", false, "tests", true), "entities", list);
    }
}
