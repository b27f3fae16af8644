package dev.forgeline.orchestrator.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.RunCounts;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.orchestrator.domain.IssuesJson;
import dev.forgeline.orchestrator.domain.ModuleAttempt;
import dev.forgeline.orchestrator.domain.Run;
import dev.forgeline.orchestrator.domain.RunModule;
import dev.forgeline.orchestrator.domain.RunSummary;
import dev.forgeline.orchestrator.service.RunQueries.RunDetails;

/** Maps stored runs to the API's views. */
final class RunViews {
    private RunViews() {
    }

    static RunView view(RunDetails details) {
        Run run = details.run();
        Map<String, List<ModuleAttempt>> attempts = details.attempts().stream()
                .collect(Collectors.groupingBy(a -> a.module));
        List<ModuleView> modules = details.modules().stream()
                .map(m -> module(m, attempts.getOrDefault(m.module, List.of()))).toList();
        RunValidated report = run.report == null ? null : Json.read(run.report, RunValidated.class);
        RunCounts counts = report != null ? report.counts() : counts(details.modules());
        return new RunView(run.id, run.name, run.stack, run.status, run.reason, run.createdAt, run.startedAt,
                run.finishedAt, run.deadlineAt, millis(run.createdAt, run.finishedAt), run.successRate, counts,
                report == null ? null : report.missingCriticalModules(),
                report == null ? null : report.missingCriticalFiles(),
                report == null ? null : report.issues(), modules, ActorView.of(run.tenant, run.submittedBy),
                details.audit().stream().map(a -> new AuditView(a.action, a.tenant, a.keyName, a.at)).toList());
    }

    static RunSummaryView summary(Run run) {
        return summary(RunSummary.of(run));
    }

    static RunSummaryView summary(RunSummary run) {
        return new RunSummaryView(run.id(), run.name(), run.stack(), run.status(), run.reason(), run.createdAt(),
                run.finishedAt(), run.successRate(), ActorView.of(run.tenant(), run.submittedBy()));
    }

    private static ModuleView module(RunModule m, List<ModuleAttempt> attempts) {
        List<AttemptView> attemptViews = attempts.stream().map(a -> new AttemptView(a.attempt, a.commandId, a.status,
                a.dispatchedAt, a.finishedAt, a.provider, a.workerId, a.generationMs, a.validationMs, a.coverage,
                IssuesJson.read(a.issues)))
                .toList();
        return new ModuleView(m.module, m.status, m.critical, m.dependencies(), m.attempt, m.maxAttempts,
                m.firstDispatchedAt, m.dispatchedAt, m.validatedAt, m.finishedAt, m.nextAttemptAt,
                millis(m.firstDispatchedAt, m.finishedAt), m.coverage, m.fileCount, m.reason,
                IssuesJson.read(m.issues), attemptViews);
    }

    /** Counts while the run validator has not spoken yet. */
    private static RunCounts counts(List<RunModule> modules) {
        int validated = (int) modules.stream().filter(m -> m.status == ModuleStatus.VALIDATED).count();
        int partial = (int) modules.stream()
                .filter(m -> m.status != ModuleStatus.VALIDATED && m.fileCount > 0 && m.status.isTerminal()).count();
        int failed = (int) modules.stream()
                .filter(m -> m.status.isTerminal() && m.status != ModuleStatus.VALIDATED && m.fileCount == 0).count();
        return new RunCounts(modules.size(), validated, partial, failed);
    }

    private static Long millis(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
