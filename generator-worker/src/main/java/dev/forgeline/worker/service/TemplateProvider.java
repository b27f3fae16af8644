package dev.forgeline.worker.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.samskivert.mustache.MustacheException;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.render.ProjectModel;
import dev.forgeline.stacks.render.TemplateNotFoundException;
import dev.forgeline.stacks.render.TemplateRenderer;

/** The offline provider: renders every planned file from the stack's Mustache templates (deterministic). */
@ApplicationScoped
public class TemplateProvider implements GenerationProvider {
    private final StackCatalog catalog;
    private final TemplateRenderer renderer;

    public TemplateProvider() {
        this(StackCatalog.load(), new TemplateRenderer());
    }

    TemplateProvider(StackCatalog catalog, TemplateRenderer renderer) {
        this.catalog = catalog;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return GeneratorSettings.TEMPLATE_PROVIDER;
    }

    @Override
    public List<GeneratedFile> generate(GenerateModule command) {
        String stackName = command.stack() != null ? command.stack() : command.spec().stack();
        StackDefinition stack = catalog.find(stackName).orElseThrow(() -> new GenerationException(
                "unknown stack '" + stackName + "'; this worker knows " + catalog.names(), false));
        ProjectModel model;
        try {
            model = ProjectModel.of(command.spec());
        } catch (RuntimeException e) {
            throw new GenerationException("the spec cannot be rendered by stack " + stackName + ": " + e.getMessage(),
                    false, e);
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (PlannedFile file : command.plan().files()) {
            try {
                files.add(GeneratedFile.of(file.path(), renderer.render(stack, model, file)));
            } catch (TemplateNotFoundException e) {
                throw new GenerationException(file.path() + ": " + e.getMessage(), false, e);
            } catch (MustacheException | IllegalArgumentException e) {
                throw new GenerationException(file.path() + ": template " + file.template() + " failed: "
                        + e.getMessage(), false, e);
            }
        }
        return files;
    }
}
