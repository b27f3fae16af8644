package dev.forgeline.worker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.worker.Commands;

class GenerationServiceTest {
    private final ProjectSpec spec = Commands.todoApi();

    private static GenerationService service(Set<String> fenced, GenerationProvider... providers) {
        return new GenerationService(List.of(providers), "worker-test", fenced, Clock.systemUTC());
    }

    @Test
    void templateProviderGeneratesEveryPlannedFileOfTheTodoApi() {
        GenerationService service = service(Set.of(), new TemplateProvider());

        for (ModulePlan plan : Commands.plan(spec)) {
            GenerateModule command = Commands.command(spec, plan.module());
            ModuleGenerated result = service.generate(command);

            assertThat(result.outcome()).as(plan.module()).isEqualTo(GenerationOutcome.GENERATED);
            assertThat(result.reason()).isNull();
            assertThat(result.files()).extracting(GeneratedFile::path).containsExactlyElementsOf(plan.requiredPaths());
            assertThat(result.files()).allSatisfy(file -> {
                assertThat(file.content()).as(file.path()).isNotBlank().doesNotContain("```");
                assertThat(file.sha256()).isEqualTo(GeneratedFile.sha256(file.content()));
            });
            assertThat(result.commandId()).isEqualTo(command.commandId());
            assertThat(result.runId()).isEqualTo(command.runId());
            assertThat(result.attempt()).isEqualTo(1);
            assertThat(result.plan()).isEqualTo(plan);
            assertThat(result.upstreamPaths()).containsExactlyElementsOf(
                    command.upstreamFiles().stream().map(GeneratedFile::path).toList());
            assertThat(result.provider()).isEqualTo("template");
            assertThat(result.workerId()).isEqualTo("worker-test");
            assertThat(result.durationMs()).isNotNegative();
        }
    }

    @Test
    void sameCommandGivesByteIdenticalFiles() {
        GenerationService service = service(Set.of(), new TemplateProvider());
        GenerateModule command = Commands.command(spec, "routes");

        assertThat(service.generate(command).files()).isEqualTo(service.generate(command).files());
    }

    @Test
    void llmProviderFailsWithoutRetryAndSaysWhy() {
        GenerationService service = service(Set.of(), new TemplateProvider());
        GenerateModule command = Commands.command(UUID.randomUUID(), spec, Commands.module(spec, "models"),
                new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, "some-model", 0.2),
                Instant.now().plusSeconds(60));

        ModuleGenerated result = service.generate(command);

        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.reason()).isEqualTo("provider 'llm' is not available in this worker yet");
        assertThat(result.provider()).isEqualTo("llm");
        assertThat(result.files()).isEmpty();
        assertThat(result.plan()).isEqualTo(command.plan());
    }

    @Test
    void fileOverTheSizeLimitFailsWithItsPathAndSize() {
        String huge = "x".repeat(SizeLimits.MAX_FILE_BYTES + 1);
        GenerationService service = service(Set.of(), new FixedProvider(List.of(GeneratedFile.of("big.js", huge))));

        ModuleGenerated result = service.generate(Commands.command(spec, "utils"));

        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.reason()).contains("big.js").contains(String.valueOf(SizeLimits.MAX_FILE_BYTES + 1))
                .contains("limit per file");
        assertThat(result.files()).isEmpty();
    }

    @Test
    void moduleOverTheSizeLimitFails() {
        String part = "x".repeat(SizeLimits.MAX_FILE_BYTES);
        List<GeneratedFile> files = java.util.stream.IntStream.range(0, 9)
                .mapToObj(i -> GeneratedFile.of("part" + i + ".js", part)).toList();
        GenerationService service = service(Set.of(), new FixedProvider(files));

        ModuleGenerated result = service.generate(Commands.command(spec, "utils"));

        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.reason()).contains("limit per module");
    }

    @Test
    void fenceFaultWrapsEveryFileOfTheFencedModuleOnly() {
        GenerationService service = service(Set.of("models"), new TemplateProvider());

        ModuleGenerated fenced = service.generate(Commands.command(spec, "models"));
        ModuleGenerated clean = service.generate(Commands.command(spec, "services"));

        assertThat(fenced.outcome()).isEqualTo(GenerationOutcome.GENERATED);
        assertThat(fenced.files()).isNotEmpty().allSatisfy(file -> {
            assertThat(file.content()).startsWith("```js\n").endsWith("\n```\n");
            assertThat(file.sha256()).isEqualTo(GeneratedFile.sha256(file.content()));
        });
        assertThat(clean.files()).allSatisfy(file -> assertThat(file.content()).doesNotContain("```"));
    }

    @Test
    void commandExpiredInABacklogFailsWithoutGeneratingAndIsRetryable() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        GenerationService service = new GenerationService(List.of(new TemplateProvider()), "worker-test", Set.of(),
                Clock.fixed(now, ZoneOffset.UTC));
        GenerateModule command = Commands.command(UUID.randomUUID(), spec, Commands.module(spec, "config"),
                spec.generatorOrDefault(), now.minusSeconds(1));

        ModuleGenerated result = service.generate(command);

        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.files()).isEmpty();
        // Retryable, or a verdict that beats the lease to the orchestrator fails the module with attempts left.
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).contains("deadline");
    }

    @Test
    void unknownStackAndMissingTemplateFailWithoutRetry() {
        GenerationService service = service(Set.of(), new TemplateProvider());
        GenerateModule base = Commands.command(spec, "config");
        GenerateModule unknownStack = new GenerateModule(base.commandId(), base.runId(), base.module(), 1, "cobol-cics",
                base.spec(), base.plan(), List.of(), base.generator(), List.of(), base.deadline(), base.issuedAt());
        ModulePlan badPlan = new ModulePlan("config", false, List.of(),
                List.of(new PlannedFile("x.js", true, "no/such/template", null)));
        GenerateModule missingTemplate = new GenerateModule(base.commandId(), base.runId(), base.module(), 1,
                base.stack(), base.spec(), badPlan, List.of(), base.generator(), List.of(), base.deadline(),
                base.issuedAt());

        ModuleGenerated stackResult = service.generate(unknownStack);
        ModuleGenerated templateResult = service.generate(missingTemplate);

        assertThat(stackResult.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(stackResult.retryable()).isFalse();
        assertThat(stackResult.reason()).contains("unknown stack 'cobol-cics'");
        assertThat(templateResult.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(templateResult.retryable()).isFalse();
        assertThat(templateResult.reason()).contains("x.js").contains("no/such/template");
    }

    @Test
    void unexpectedProviderErrorIsRetryable() {
        GenerationProvider broken = new GenerationProvider() {
            @Override
            public String name() {
                return "template";
            }

            @Override
            public List<GeneratedFile> generate(GenerateModule command) {
                throw new IllegalStateException("disk on fire");
            }
        };

        ModuleGenerated result = service(Set.of(), broken).generate(Commands.command(spec, "config"));

        assertThat(result.outcome()).isEqualTo(GenerationOutcome.FAILED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).contains("disk on fire");
    }

    /** A provider that answers every command with the same files. */
    private record FixedProvider(List<GeneratedFile> files) implements GenerationProvider {
        @Override
        public String name() {
            return "template";
        }

        @Override
        public List<GeneratedFile> generate(GenerateModule command) {
            return files;
        }
    }
}
