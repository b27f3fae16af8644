package dev.forgeline.contracts.messages;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A worker's answer to {@link GenerateModule} (topic forgeline.module.generated, key runId). Carries the plan
 * and the upstream paths so the stateless validator needs nothing else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleGenerated(
        String commandId,
        UUID runId,
        String module,
        int attempt,
        GenerationOutcome outcome,
        String reason,
        boolean retryable,
        List<GeneratedFile> files,
        ModulePlan plan,
        List<String> upstreamPaths,
        String provider,
        String workerId,
        long durationMs) {

    public ModuleGenerated {
        files = files == null ? List.of() : List.copyOf(files);
        upstreamPaths = upstreamPaths == null ? List.of() : List.copyOf(upstreamPaths);
    }
}
