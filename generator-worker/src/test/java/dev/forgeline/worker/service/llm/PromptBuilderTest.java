package dev.forgeline.worker.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Ids;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.prompts.StackPrompts;
import dev.forgeline.worker.Commands;

class PromptBuilderTest {
    private static final GeneratorSettings LLM = new GeneratorSettings("llm", "qwen2.5-coder", 0.2);
    private final ProjectSpec spec = Commands.todoApi();
    private final StackDefinition stack = StackCatalog.load().get("express-js");
    private final PromptBuilder builder = new PromptBuilder(new StackPrompts(), 10_000);

    private GenerateModule command(String module, int attempt, List<GeneratedFile> upstream,
            List<ValidationIssue> issues) {
        ModulePlan plan = Commands.module(spec, module);
        UUID runId = UUID.randomUUID();
        List<String> runPaths = Commands.plan(spec).stream().flatMap(p -> p.requiredPaths().stream()).toList();
        return new GenerateModule(Ids.commandId(runId, module, attempt), runId, module, attempt, "express-js", spec,
                plan, upstream, LLM, issues, Instant.now().plusSeconds(60), Instant.now(), runPaths);
    }

    @Test
    void firstAttemptNamesTheModuleItsExactFilesTheSpecAndTheUpstreamFiles() {
        GeneratedFile pool = GeneratedFile.of("src/db/pool.js", "'use strict';\nmodule.exports = { query };\n");
        List<ChatMessage> messages = builder.conversation(stack, command("models", 1, List.of(pool), List.of()));

        assertThat(messages).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(messages.get(0).content()).contains("express-js", "Answer format", "src/utils/errors.js exports");
        String user = messages.get(1).content();
        assertThat(user).contains("Module: models", "`src/models/user.js`", "`src/models/todo.js`",
                "`src/models/index.js`", "\"name\" : \"todo-api\"", "### `src/db/pool.js`",
                "module.exports = { query };", "Notes for this module", "`src/utils/errors.js`");
        assertThat(user).doesNotContain("validator rejected");
    }

    @Test
    void repairAttemptCarriesThePreviousAttemptsIssues() {
        List<ValidationIssue> issues = List.of(
                ValidationIssue.error("src/models/todo.js", 12, "js.syntax", "unbalanced '}' at line 12"),
                ValidationIssue.error("src/models/index.js", null, "critical.missing", "critical file is missing"));

        String user = builder.conversation(stack, command("models", 2, List.of(), issues)).get(1).content();

        assertThat(user).contains("Attempt: 2", "rejected attempt 1",
                "ERROR js.syntax at src/models/todo.js:12: unbalanced '}' at line 12",
                "ERROR critical.missing at src/models/index.js: critical file is missing");
    }

    @Test
    void upstreamFilesBeyondTheBudgetAreNamedNotQuoted() {
        GeneratedFile small = GeneratedFile.of("src/db/pool.js", "'use strict';\n");
        GeneratedFile big = GeneratedFile.of("src/models/todo.js", "x".repeat(20_000) + "\n");

        String user = builder.conversation(stack, command("services", 1, List.of(big, small), List.of())).get(1)
                .content();

        assertThat(user).contains("### `src/db/pool.js`", "left out here for size: `src/models/todo.js`")
                .doesNotContain("xxxxxxxxxx");
    }

    @Test
    void upstreamFileContainingFencesIsQuotedWithALongerFence() {
        GeneratedFile readme = GeneratedFile.of("README.md", "# x\n```bash\nnpm test\n```\n");

        String user = builder.conversation(stack, command("services", 1, List.of(readme), List.of())).get(1)
                .content();

        assertThat(user).contains("````markdown\n# x\n```bash\nnpm test\n```\n````");
    }

    @Test
    void continuationAndMissingFilePromptsComeFromTheStack() {
        assertThat(builder.continuation(stack)).contains("cut off");
        assertThat(builder.missing(stack, List.of("src/app.js"))).contains("- `src/app.js`");
    }
}
