package dev.forgeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.stacks.render.TemplateRenderer;
import dev.forgeline.testkit.StderrLogging;
import dev.forgeline.validation.service.FileChecks;
import dev.forgeline.validation.service.ModuleValidator;
import dev.forgeline.validation.service.RunValidator;

/**
 * CPU time of the validator (one thread, {@link ThreadMXBean}, median after warm-up) on real express-js projects
 * rendered by the stacks module: each module of a 50-entity run, the whole run (every module plus the run rules),
 * and a 1-entity run, each against the floor of deserialising the same messages from JSON (what the consumer does
 * before validating), so the cost reads as a ratio measured in the same run.
 * Usage: {@code bench/run validation [iterations=30]}.
 */
public final class ValidationBench {
    private static final UUID RUN = UUID.fromString("0190a5d2-7c3e-7a10-8000-0000000000be");
    private static final int WARMUP = 15;

    /** The messages one run gives the validator: a ModuleGenerated per module and the ValidateRun. */
    private record Run(List<ModuleGenerated> modules, ValidateRun validateRun, int files, long bytes) {
    }

    public static void main(String[] args) {
        StderrLogging.install();
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ModuleValidator modules = new ModuleValidator(0.90, FileChecks.defaults());
        RunValidator runs = new RunValidator(0.95);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        Run big = render(50);
        Run small = render(1);
        requireAllPass(big, modules, runs);
        requireAllPass(small, modules, runs);

        System.out.printf("validator CPU time, one thread, median of %d after %d warm-up iterations%n", iterations, WARMUP);
        System.out.printf("%-10s %6s %8s %12s %12s %10s %9s%n", "module", "files", "KiB", "validate ms", "ms/file",
                "JSON ms", "ratio");
        for (ModuleGenerated m : big.modules()) {
            String json = Json.write(m);
            double validate = median(cpu, iterations, () -> modules.validate(m));
            double floor = median(cpu, iterations, () -> Json.read(json, ModuleGenerated.class));
            System.out.printf("%-10s %6d %8.1f %12.2f %12.3f %10.2f %8.1f×%n", m.module(), m.files().size(),
                    kib(m.files()), validate, validate / m.files().size(), floor, validate / floor);
        }
        System.out.println();
        for (Run run : List.of(small, big)) {
            List<String> jsons = run.modules().stream().map(Json::write).toList();
            String runJson = Json.write(run.validateRun());
            double validate = median(cpu, iterations, () -> {
                run.modules().forEach(modules::validate);
                return runs.validate(run.validateRun());
            });
            double runRules = median(cpu, iterations, () -> runs.validate(run.validateRun()));
            double floor = median(cpu, iterations, () -> {
                jsons.forEach(j -> Json.read(j, ModuleGenerated.class));
                return Json.read(runJson, ValidateRun.class);
            });
            int entities = run == big ? 50 : 1;
            System.out.printf("%2d-entity run: %d modules, %d files, %.0f KiB: validate %.1f ms CPU (run rules %.1f ms),"
                    + " JSON floor %.1f ms, ratio %.1f×, %.3f ms per file%n", entities, run.modules().size(),
                    run.files(), run.bytes() / 1024.0, validate, runRules, floor, validate / floor,
                    validate / run.files());
        }
        System.out.printf("%none file of each type from the 50-entity run, validated alone (a one-file module):%n");
        for (String path : List.of("src/services/item0Service.js", "migrations/001_init.sql", "package.json",
                "terraform/main.tf", "Dockerfile", "docker-compose.yml")) {
            ModuleGenerated owner = big.modules().stream()
                    .filter(m -> m.files().stream().anyMatch(f -> f.path().equals(path))).findFirst().orElse(null);
            if (owner == null) {
                continue;
            }
            GeneratedFile file = owner.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
            ModuleGenerated single = new ModuleGenerated(owner.commandId(), RUN, owner.module(), 1,
                    GenerationOutcome.GENERATED, null, false, List.of(file), new ModulePlan(owner.module(), false,
                            List.of(), List.of(new PlannedFile(path, false, null, null))), owner.upstreamPaths(),
                    "template", "bench", 1);
            String json = Json.write(file);
            double validate = median(cpu, iterations * 4, () -> modules.validate(single));
            double floor = median(cpu, iterations * 4, () -> Json.read(json, GeneratedFile.class));
            System.out.printf("  %-32s %7.1f KiB  validate %7.3f ms  JSON floor %6.3f ms  ratio %6.1f×%n", path,
                    file.sizeBytes() / 1024.0, validate, floor, validate / floor);
        }
    }

    private static Run render(int entities) {
        SpecParser.Result parsed = SpecParser.parse(Json.write(GenerationBench.specJson(entities)));
        if (!parsed.violations().isEmpty()) {
            throw new IllegalStateException("bench spec invalid: " + parsed.violations());
        }
        ProjectSpec spec = parsed.spec();
        StackDefinition stack = StackCatalog.load().get(spec.stack());
        List<ModulePlan> plan = StackPlanner.plan(stack, spec);
        TemplateRenderer renderer = new TemplateRenderer();
        Map<String, List<GeneratedFile>> byModule = new LinkedHashMap<>();
        TreeSet<String> all = new TreeSet<>();
        for (ModulePlan module : plan) {
            List<GeneratedFile> files = new ArrayList<>();
            for (PlannedFile f : module.files()) {
                files.add(GeneratedFile.of(f.path(), renderer.render(stack, spec, f)));
                all.add(f.path());
            }
            byModule.put(module.module(), files);
        }
        List<ModuleGenerated> generated = new ArrayList<>();
        List<ModuleOutcome> outcomes = new ArrayList<>();
        List<RunFile> runFiles = new ArrayList<>();
        long bytes = 0;
        for (ModulePlan module : plan) {
            TreeSet<String> upstream = new TreeSet<>(all);
            module.files().forEach(f -> upstream.remove(f.path()));
            List<GeneratedFile> files = byModule.get(module.module());
            generated.add(new ModuleGenerated(RUN + "/" + module.module() + "/1", RUN, module.module(), 1,
                    GenerationOutcome.GENERATED, null, false, files, module, List.copyOf(upstream), "template", "bench", 1));
            outcomes.add(new ModuleOutcome(module.module(), ModuleStatus.VALIDATED, module.critical(), 1,
                    module.criticalPaths(), files.size(), null));
            for (GeneratedFile f : files) {
                runFiles.add(new RunFile(module.module(), f.path(), f.content(), f.sha256()));
                bytes += f.sizeBytes();
            }
        }
        return new Run(generated, new ValidateRun(RUN + "/validate/1", RUN, 1, "express-js", outcomes, runFiles),
                runFiles.size(), bytes);
    }

    private static void requireAllPass(Run run, ModuleValidator modules, RunValidator runs) {
        for (ModuleGenerated m : run.modules()) {
            ModuleValidated v = modules.validate(m);
            if (!v.passed() || !v.issues().isEmpty()) {
                throw new IllegalStateException("module " + m.module() + " of the bench run has issues: " + v.issues());
            }
        }
        RunValidated v = runs.validate(run.validateRun());
        if (!v.passed()) {
            throw new IllegalStateException("the bench run fails validation: " + v.reason());
        }
    }

    /** Median CPU milliseconds of {@code task} on this thread, after {@link #WARMUP} unmeasured calls. */
    private static double median(ThreadMXBean cpu, int iterations, Supplier<?> task) {
        Object sink = null;
        for (int i = 0; i < WARMUP; i++) {
            sink = task.get();
        }
        double[] samples = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = cpu.getCurrentThreadCpuTime();
            sink = task.get();
            samples[i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(samples);
        return samples[iterations / 2];
    }

    private static double kib(List<GeneratedFile> files) {
        return files.stream().mapToLong(GeneratedFile::sizeBytes).sum() / 1024.0;
    }
}
