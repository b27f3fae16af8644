package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunCounts;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.Severity;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.validation.config.ValidationConfig;

/** The run rules (DESIGN §4): a pure function from one {@link ValidateRun} to its {@link RunValidated}. */
@ApplicationScoped
public class RunValidator {
    /** At most this many items are spelled out per clause of the reason. */
    static final int MAX_IN_REASON = 5;
    /** A module's own reason is cut to this many characters inside the run's reason. */
    static final int MAX_MODULE_REASON = 200;

    private final double minSuccessRate;
    private final boolean checkPackages;

    @Inject
    public RunValidator(ValidationConfig config) {
        this(config.run().minSuccessRate(), config.run().checkPackages());
    }

    public RunValidator(double minSuccessRate) {
        this(minSuccessRate, true);
    }

    public RunValidator(double minSuccessRate, boolean checkPackages) {
        this.minSuccessRate = minSuccessRate;
        this.checkPackages = checkPackages;
    }

    /** Validates a run whose modules are all terminal, against its final file set. */
    public RunValidated validate(ValidateRun command) {
        long started = System.nanoTime();
        List<ModuleOutcome> modules = command.modules();
        int total = modules.size();
        int validated = 0;
        int partial = 0;
        for (ModuleOutcome m : modules) {
            if (m.status() == ModuleStatus.VALIDATED) {
                validated++;
            } else if (m.fileCount() > 0) {
                partial++;
            }
        }
        RunCounts counts = new RunCounts(total, validated, partial, total - validated - partial);
        double successRate = total == 0 ? 0.0 : (double) validated / total;
        boolean rateOk = total > 0 && successRate + 1e-9 >= minSuccessRate;

        List<ValidationIssue> issues = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        if (total == 0) {
            issues.add(ValidationIssue.error(null, null, Rules.RUN_EMPTY, "the run has no modules"));
            clauses.add("the run has no modules");
        } else if (!rateOk) {
            issues.add(ValidationIssue.error(null, null, Rules.RUN_SUCCESS_RATE, rateText(validated, total,
                    successRate, false)));
        }

        List<String> missingCriticalModules = new ArrayList<>();
        List<String> moduleClauses = new ArrayList<>();
        List<String> otherModuleClauses = new ArrayList<>();
        for (ModuleOutcome m : modules) {
            if (m.status() == ModuleStatus.VALIDATED) {
                continue;
            }
            String text = "module " + m.module() + " " + m.status() + reasonSuffix(m.reason());
            if (m.critical()) {
                missingCriticalModules.add(m.module());
                issues.add(ValidationIssue.error(null, null, Rules.CRITICAL_MODULE, "critical " + text));
                moduleClauses.add("critical " + text);
            } else {
                otherModuleClauses.add(text);
            }
        }
        moduleClauses.addAll(otherModuleClauses);

        Map<String, List<String>> writers = new LinkedHashMap<>();
        for (RunFile f : command.files()) {
            writers.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f.module());
        }

        Set<String> missingCriticalFiles = new LinkedHashSet<>();
        for (ModuleOutcome m : modules) {
            for (String path : m.criticalFiles()) {
                if (!writers.containsKey(path) && missingCriticalFiles.add(path)) {
                    issues.add(ValidationIssue.error(path, null, Rules.CRITICAL_MISSING,
                            "critical file of module " + m.module() + " is not in the final file set"));
                }
            }
        }

        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : writers.entrySet()) {
            List<String> byModule = e.getValue();
            if (byModule.size() < 2) {
                continue;
            }
            Set<String> distinct = new LinkedHashSet<>(byModule);
            if (distinct.size() > 1) {
                String names = String.join(" and ", distinct);
                issues.add(ValidationIssue.error(e.getKey(), null, Rules.PATH_CONFLICT,
                        "path is written by modules " + names));
                conflicts.add(e.getKey() + " (" + names + ")");
            } else {
                issues.add(ValidationIssue.error(e.getKey(), null, Rules.PATH_DUPLICATE,
                        "path is written " + byModule.size() + " times by module " + byModule.get(0)));
                conflicts.add(e.getKey() + " (" + byModule.get(0) + " twice)");
            }
        }

        List<String> unresolved = new ArrayList<>();
        Set<String> undeclared = new LinkedHashSet<>();
        Set<String> finalPaths = writers.keySet();
        Optional<PackageManifest> manifest = !checkPackages ? Optional.empty() : command.files().stream()
                .filter(f -> PackageManifest.PATH.equals(f.path())).findFirst()
                .flatMap(f -> PackageManifest.parse(f.content()));
        for (RunFile f : command.files()) {
            if (FileType.of(f.path()) != FileType.JAVASCRIPT || f.content() == null) {
                continue;
            }
            List<JsScanner.Specifier> specifiers = JsScanner.scan(f.content()).specifiers();
            String where = " (final file set, module " + f.module() + ")";
            for (ValidationIssue i : ImportCheck.unresolved(f.path(), specifiers, finalPaths, where)) {
                issues.add(i);
                unresolved.add(f.path() + (i.line() == null ? "" : ":" + i.line()));
            }
            if (manifest.isPresent()) {
                issues.addAll(ImportCheck.undeclared(f.path(), specifiers, manifest.get(), where, undeclared));
            }
        }

        boolean passed = issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
        String reason = passed
                ? "SUCCEEDED: " + rateText(validated, total, successRate, true)
                : failedReason(validated, total, successRate, rateOk, clauses, moduleClauses,
                        List.copyOf(missingCriticalFiles), conflicts, unresolved, List.copyOf(undeclared));
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return new RunValidated(command.commandId(), command.runId(), command.validation(), passed, successRate,
                missingCriticalModules, List.copyOf(missingCriticalFiles), ModuleValidator.bounded(issues), counts,
                reason, durationMs);
    }

    private String failedReason(int validated, int total, double rate, boolean rateOk, List<String> clauses,
            List<String> modules, List<String> missingFiles, List<String> conflicts, List<String> unresolved,
            List<String> undeclared) {
        List<String> parts = new ArrayList<>();
        parts.add(rateText(validated, total, rate, rateOk));
        parts.addAll(clauses);
        parts.addAll(limit(modules, "more modules not validated"));
        if (!missingFiles.isEmpty()) {
            parts.add(missingFiles.size() + " critical " + plural(missingFiles.size(), "file", "files")
                    + " missing: " + String.join(", ", limit(missingFiles, "more")));
        }
        if (!conflicts.isEmpty()) {
            parts.add(conflicts.size() + " " + plural(conflicts.size(), "path", "paths")
                    + " written more than once: " + String.join(", ", limit(conflicts, "more")));
        }
        if (!unresolved.isEmpty()) {
            parts.add(unresolved.size() + " unresolved relative " + plural(unresolved.size(), "import", "imports")
                    + ": " + String.join(", ", limit(unresolved, "more")));
        }
        if (!undeclared.isEmpty()) {
            parts.add(undeclared.size() + " undeclared " + plural(undeclared.size(), "package", "packages")
                    + " (not in package.json): " + String.join(", ", limit(undeclared, "more")));
        }
        return "FAILED: " + String.join("; ", parts);
    }

    private String rateText(int validated, int total, double rate, boolean rateOk) {
        return validated + "/" + total + " modules validated (" + Percent.of(rate)
                + (rateOk ? "" : " < " + Percent.threshold(minSuccessRate)) + ")";
    }

    private static String reasonSuffix(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String r = reason.strip().replaceAll("\\s+", " ");
        return ": " + (r.length() > MAX_MODULE_REASON ? r.substring(0, MAX_MODULE_REASON) + "…" : r);
    }

    private static List<String> limit(List<String> items, String more) {
        if (items.size() <= MAX_IN_REASON) {
            return items;
        }
        List<String> out = new ArrayList<>(items.subList(0, MAX_IN_REASON));
        out.add("and " + (items.size() - MAX_IN_REASON) + " " + more);
        return out;
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}
