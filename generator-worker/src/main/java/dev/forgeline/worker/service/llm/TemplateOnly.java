package dev.forgeline.worker.service.llm;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.stacks.ModuleDefinition;
import dev.forgeline.stacks.StackCatalog;

/**
 * The hybrid rule: a module the stack marks {@code templateOnly} (express-js: config, docker) is rendered from the
 * stack's templates even when the run's provider is {@code llm}; the LLM writes the rest.
 */
public final class TemplateOnly {
    private TemplateOnly() {
    }

    public static boolean applies(GenerateModule command) {
        return applies(command, StackCatalog.load());
    }

    static boolean applies(GenerateModule command, StackCatalog catalog) {
        String stack = command.stack() != null ? command.stack()
                : command.spec() == null ? null : command.spec().stack();
        return catalog.find(stack).flatMap(s -> s.module(command.module())).map(ModuleDefinition::templateOnly)
                .orElse(false);
    }
}
