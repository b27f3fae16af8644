package dev.forgeline.worker.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.worker.Commands;
import dev.forgeline.worker.service.GenerationProvider;
import dev.forgeline.worker.service.GenerationService;
import dev.forgeline.worker.service.TemplateProvider;

class HybridProviderSelectionTest {
    private final ProjectSpec spec = Commands.todoApi();
    private final List<String> llmCalls = new ArrayList<>();
    private final GenerationProvider recordingLlm = new GenerationProvider() {
        @Override
        public String name() {
            return GeneratorSettings.LLM_PROVIDER;
        }

        @Override
        public List<GeneratedFile> generate(GenerateModule command) {
            llmCalls.add(command.module());
            return command.plan().files().stream().map(f -> GeneratedFile.of(f.path(), "'use strict';\n")).toList();
        }
    };
    private final GenerationService service = new GenerationService(List.of(new TemplateProvider(), recordingLlm),
            "worker-test", Set.of(), Clock.systemUTC());

    private GenerateModule llmCommand(String module) {
        return Commands.command(UUID.randomUUID(), spec, Commands.module(spec, module),
                new GeneratorSettings(GeneratorSettings.LLM_PROVIDER, "qwen2.5-coder", null),
                Instant.now().plusSeconds(60));
    }

    @Test
    void templateOnlyModulesOfAnLlmRunAreRenderedFromTemplates() {
        for (String module : List.of("config", "docker")) {
            ModuleGenerated result = service.generate(llmCommand(module));

            assertThat(result.outcome()).isEqualTo(GenerationOutcome.GENERATED);
            assertThat(result.provider()).as(module).isEqualTo("template");
            assertThat(result.files()).isNotEmpty();
        }
        assertThat(llmCalls).isEmpty();
    }

    @Test
    void otherModulesOfAnLlmRunGoToTheLlm() {
        ModuleGenerated result = service.generate(llmCommand("models"));

        assertThat(result.provider()).isEqualTo("llm");
        assertThat(llmCalls).containsExactly("models");
    }
}
