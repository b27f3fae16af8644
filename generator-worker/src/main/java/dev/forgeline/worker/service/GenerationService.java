package dev.forgeline.worker.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.worker.config.WorkerConfig;
import dev.forgeline.worker.service.llm.TemplateOnly;
import io.quarkus.logging.Log;

/**
 * Turns one well-formed GenerateModule into a ModuleGenerated: picks the provider, enforces the deadline and the
 * size limits, applies the test-only fence fault, and reports every failure as outcome FAILED with a reason.
 */
@ApplicationScoped
public class GenerationService {
    private final Map<String, GenerationProvider> providers;
    private final String workerId;
    private final Set<String> fencedModules;
    private final Clock clock;

    @Inject
    public GenerationService(Instance<GenerationProvider> providers, WorkerConfig config) {
        this(providers.stream().toList(), WorkerConfig.resolveId(config.id()),
                Set.copyOf(config.faults().fenceModules().orElse(List.of())), Clock.systemUTC());
    }

    public GenerationService(List<GenerationProvider> providers, String workerId, Set<String> fencedModules,
            Clock clock) {
        Map<String, GenerationProvider> byName = new LinkedHashMap<>();
        for (GenerationProvider provider : providers) {
            byName.put(provider.name(), provider);
        }
        this.providers = Map.copyOf(byName);
        this.workerId = workerId;
        this.fencedModules = Set.copyOf(fencedModules);
        this.clock = clock;
    }

    public String workerId() {
        return workerId;
    }

    /**
     * A FAILED result for a command whose generation did not finish (the caller's per-command timeout), with the
     * reason; {@code startedNanos} is {@link System#nanoTime()} when the command started.
     */
    public ModuleGenerated failed(GenerateModule command, String reason, boolean retryable, long startedNanos) {
        return result(command, GenerationOutcome.FAILED, reason, retryable, List.of(), providerOf(command),
                startedNanos);
    }

    /** Never throws for a well-formed command: failures become a FAILED ModuleGenerated. */
    public ModuleGenerated generate(GenerateModule command) {
        long started = System.nanoTime();
        String providerName = providerOf(command);
        try {
            Instant now = clock.instant();
            if (command.deadline() != null && !now.isBefore(command.deadline())) {
                // Retryable: a backlog, not the command, made it late. Answered not retryable, this verdict could
                // fail the module for good when it reaches the orchestrator before the lease has expired it.
                throw new GenerationException("the deadline " + command.deadline() + " passed before generation "
                        + "started (now " + now + ")", true);
            }
            if (command.spec() == null) {
                throw new GenerationException("the command carries no project spec", false);
            }
            GenerationProvider provider = providers.get(providerName);
            if (provider == null) {
                throw new GenerationException("provider '" + providerName + "' is not available in this worker yet",
                        false);
            }
            List<GeneratedFile> files = provider.generate(command);
            if (fencedModules.contains(command.module())) {
                Log.warnf("fault switch: fencing every file of %s (command %s)", command.module(), command.commandId());
                files = files.stream().map(GenerationService::fence).toList();
            }
            checkSizes(files);
            return result(command, GenerationOutcome.GENERATED, null, false, files, providerName, started);
        } catch (GenerationException e) {
            Log.warnf("command %s failed (retryable=%s): %s", command.commandId(), e.retryable(), e.getMessage());
            return result(command, GenerationOutcome.FAILED, e.getMessage(), e.retryable(), List.of(), providerName,
                    started);
        } catch (RuntimeException e) {
            Log.errorf(e, "command %s failed unexpectedly", command.commandId());
            return result(command, GenerationOutcome.FAILED, "unexpected error in " + providerName + " provider: "
                    + e, true, List.of(), providerName, started);
        }
    }

    /** The provider that serves the command: the run's, except template for the stack's templateOnly modules. */
    public static String providerOf(GenerateModule command) {
        String requested = command.generator() != null ? command.generator().providerOrDefault()
                : command.spec() == null ? GeneratorSettings.TEMPLATE_PROVIDER
                        : command.spec().generatorOrDefault().providerOrDefault();
        // Hybrid: modules the stack marks templateOnly are rendered from templates whatever the run's provider.
        return TemplateOnly.applies(command) ? GeneratorSettings.TEMPLATE_PROVIDER : requested;
    }

    private static void checkSizes(List<GeneratedFile> files) {
        long total = 0;
        for (GeneratedFile file : files) {
            int size = file.sizeBytes();
            if (size > SizeLimits.MAX_FILE_BYTES) {
                throw new GenerationException(file.path() + " is " + size + " bytes; the limit per file is "
                        + SizeLimits.MAX_FILE_BYTES + " bytes", false);
            }
            total += size;
        }
        if (total > SizeLimits.MAX_MODULE_BYTES) {
            throw new GenerationException("the module is " + total + " bytes; the limit per module is "
                    + SizeLimits.MAX_MODULE_BYTES + " bytes", false);
        }
    }

    /** The fault: the file's text inside a markdown code fence, as a careless LLM would answer. */
    static GeneratedFile fence(GeneratedFile file) {
        String path = file.path();
        int dot = path.lastIndexOf('.');
        String language = dot < 0 ? "" : switch (path.substring(dot + 1)) {
            case "js" -> "js";
            case "json" -> "json";
            case "sql" -> "sql";
            case "md" -> "markdown";
            case "yml", "yaml" -> "yaml";
            case "tf" -> "hcl";
            default -> "";
        };
        String content = file.content().endsWith("\n") ? file.content() : file.content() + "\n";
        return GeneratedFile.of(path, "```" + language + "\n" + content + "```\n");
    }

    private ModuleGenerated result(GenerateModule command, GenerationOutcome outcome, String reason,
            boolean retryable, List<GeneratedFile> files, String provider, long started) {
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // What the module may import besides its own files: its upstream modules' files and every path planned for
        // the run (the run validator checks that the final file set really has them).
        java.util.Set<String> importable = new java.util.TreeSet<>(command.runPaths());
        command.upstreamFiles().forEach(f -> importable.add(f.path()));
        if (command.plan() != null) {
            command.plan().files().forEach(f -> importable.remove(f.path()));
        }
        List<String> upstreamPaths = List.copyOf(importable);
        String commandId = command.commandId() != null ? command.commandId()
                : Ids.commandId(command.runId(), command.module(), command.attempt());
        return new ModuleGenerated(commandId, command.runId(), command.module(), command.attempt(), outcome,
                reason, retryable, files, command.plan(), upstreamPaths, provider, workerId, durationMs);
    }
}
