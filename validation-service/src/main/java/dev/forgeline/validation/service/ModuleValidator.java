package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.Severity;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.validation.config.ValidationConfig;

/** The module rules (DESIGN §4): a pure function from one {@link ModuleGenerated} to its {@link ModuleValidated}. */
@ApplicationScoped
public class ModuleValidator {
    /** At most this many issues travel in one verdict; the rest are summarised in one warning. */
    static final int MAX_ISSUES = 500;
    /** At most this many paths are named in one message. */
    static final int MAX_NAMED = 20;

    private final double minCoverage;
    private final FileChecks checks;
    private final boolean checkPackages;

    @Inject
    public ModuleValidator(ValidationConfig config) {
        this(config.module().minCoverage(), FileChecks.of(config.module().emptyFunctionBodies()),
                config.module().checkPackages());
    }

    public ModuleValidator(double minCoverage, FileChecks checks) {
        this(minCoverage, checks, true);
    }

    public ModuleValidator(double minCoverage, FileChecks checks, boolean checkPackages) {
        this.minCoverage = minCoverage;
        this.checks = checks;
        this.checkPackages = checkPackages;
    }

    /** Validates one generated module against its plan. */
    public ModuleValidated validate(ModuleGenerated generated) {
        long started = System.nanoTime();
        List<GeneratedFile> files = generated.files();
        Set<String> present = new HashSet<>();
        for (GeneratedFile f : files) {
            present.add(f.path());
        }
        ModulePlan plan = generated.plan();
        double coverage = plan == null ? 0.0 : coverage(plan, present);

        List<ValidationIssue> issues = new ArrayList<>();
        boolean passed;
        boolean retryable;
        List<GeneratedFile> forwarded = files;
        if (generated.outcome() == GenerationOutcome.FAILED) {
            String reason = generated.reason() == null || generated.reason().isBlank()
                    ? "the generator gave no reason" : generated.reason();
            issues.add(ValidationIssue.error(null, null, Rules.GENERATION_FAILED, "generation failed: " + reason));
            passed = false;
            retryable = generated.retryable();
        } else {
            if (plan == null) {
                issues.add(ValidationIssue.error(null, null, Rules.PLAN_MISSING,
                        "the module message carries no plan to validate against"));
            } else {
                planRules(plan, present, coverage, issues);
            }
            fileRules(generated, plan, issues);
            long total = files.stream().mapToLong(GeneratedFile::sizeBytes).sum();
            if (total > SizeLimits.MAX_MODULE_BYTES) {
                issues.add(ValidationIssue.error(null, null, Rules.MODULE_SIZE, "module is " + total
                        + " bytes, over the limit of " + SizeLimits.MAX_MODULE_BYTES + "; its files are not forwarded"));
                forwarded = List.of();
            }
            passed = issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
            retryable = !passed;
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return new ModuleValidated(generated.commandId(), generated.runId(), generated.module(), generated.attempt(),
                passed, retryable, coverage, bounded(issues), forwarded, generated.provider(), generated.workerId(),
                generated.durationMs(), durationMs);
    }

    /** Planned paths present / planned paths (1.0 for a plan without files). */
    static double coverage(ModulePlan plan, Set<String> present) {
        Set<String> planned = new LinkedHashSet<>(plan.requiredPaths());
        if (planned.isEmpty()) {
            return 1.0;
        }
        long found = planned.stream().filter(present::contains).count();
        return (double) found / planned.size();
    }

    private void planRules(ModulePlan plan, Set<String> present, double coverage, List<ValidationIssue> issues) {
        Set<String> planned = new LinkedHashSet<>(plan.requiredPaths());
        List<String> missing = planned.stream().filter(p -> !present.contains(p)).toList();
        if (coverage + 1e-9 < minCoverage) {
            issues.add(ValidationIssue.error(null, null, Rules.COVERAGE_LOW, String.format(java.util.Locale.ROOT,
                    "%d/%d planned files present (%s < %s); missing: %s", planned.size() - missing.size(),
                    planned.size(), Percent.of(coverage), Percent.threshold(minCoverage), names(missing))));
        }
        for (String path : new LinkedHashSet<>(plan.criticalPaths())) {
            if (!present.contains(path)) {
                issues.add(ValidationIssue.error(path, null, Rules.CRITICAL_MISSING, "critical file is missing"));
            }
        }
    }

    private void fileRules(ModuleGenerated generated, ModulePlan plan, List<ValidationIssue> issues) {
        Set<String> planned = plan == null ? Set.of() : new HashSet<>(plan.requiredPaths());
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (GeneratedFile f : generated.files()) {
            seen.merge(f.path(), 1, Integer::sum);
        }
        Set<String> resolvable = new HashSet<>(generated.upstreamPaths());
        resolvable.addAll(seen.keySet());
        Optional<PackageManifest> manifest = !checkPackages ? Optional.empty() : generated.files().stream()
                .filter(f -> f.path().equals(PackageManifest.PATH)).findFirst()
                .flatMap(f -> PackageManifest.parse(f.content()));
        CheckContext context = new CheckContext(resolvable, manifest);
        Set<String> reported = new HashSet<>();
        for (GeneratedFile f : generated.files()) {
            String path = f.path();
            int count = seen.getOrDefault(path, 1);
            if (count > 1) {
                if (reported.add(path)) {
                    issues.add(ValidationIssue.error(path, null, Rules.PATH_DUPLICATE,
                            "path is written " + count + " times in this module"));
                }
                continue;
            }
            Optional<String> unsafe = PathRules.unsafeReason(path);
            if (unsafe.isPresent()) {
                issues.add(ValidationIssue.error(path, null, Rules.PATH_UNSAFE, unsafe.get()));
                continue;
            }
            if (plan != null && !planned.contains(path)) {
                issues.add(ValidationIssue.warning(path, null, Rules.FILE_UNPLANNED, "file is not in the module's plan"));
            }
            issues.addAll(checks.check(f, context));
        }
    }

    /** Keeps a verdict bounded: at most {@link #MAX_ISSUES} issues, errors first kept. */
    static List<ValidationIssue> bounded(List<ValidationIssue> issues) {
        if (issues.size() <= MAX_ISSUES) {
            return issues;
        }
        List<ValidationIssue> kept = new ArrayList<>(issues.stream()
                .filter(i -> i.severity() == Severity.ERROR).limit(MAX_ISSUES - 1L).toList());
        for (ValidationIssue i : issues) {
            if (kept.size() >= MAX_ISSUES - 1) {
                break;
            }
            if (i.severity() != Severity.ERROR) {
                kept.add(i);
            }
        }
        kept.add(ValidationIssue.warning(null, null, Rules.ISSUES_TRUNCATED,
                (issues.size() - kept.size()) + " more issues were found and left out"));
        return kept;
    }

    /** Up to {@link #MAX_NAMED} names, comma-separated, then how many more. */
    static String names(List<String> names) {
        if (names.size() <= MAX_NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMED)) + " and " + (names.size() - MAX_NAMED) + " more";
    }
}
