package dev.forgeline.stacks.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackExtensions;

/**
 * Renders one planned file from the stack's Mustache template ({@code stacks/<stack>/templates/<template>.mustache})
 * over the {@link ProjectModel} of a spec. Deterministic: same spec and file, byte-identical text. Thread-safe;
 * compiled templates are cached.
 */
public final class TemplateRenderer {
    private final ClassLoader loader;
    private final Mustache.Compiler compiler = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(true)
            .standardsMode(false);
    private final ConcurrentMap<String, Template> cache = new ConcurrentHashMap<>();

    public TemplateRenderer() {
        this(TemplateRenderer.class.getClassLoader());
    }

    public TemplateRenderer(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file's text; always ends with a newline. */
    public String render(StackDefinition stack, ProjectSpec spec, PlannedFile file) {
        return render(stack, ProjectModel.of(spec), file);
    }

    /** As {@link #render(StackDefinition, ProjectSpec, PlannedFile)} with a model built once for many files. */
    public String render(StackDefinition stack, ProjectModel project, PlannedFile file) {
        Template template = template(stack, file.template());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("project", project);
        context.put("entities", project.entities());
        context.put("joinTables", project.joinTables());
        context.put("auth", project.auth());
        context.put("tests", project.tests());
        context.putAll(StackExtensions.context(stack, project));
        if (file.entity() != null) {
            context.put("entity", project.entity(file.entity()));
        }
        String text = template.execute(context);
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Whether the stack has a template of this name. */
    public boolean hasTemplate(StackDefinition stack, String templateName) {
        return loader.getResource(resource(stack, templateName)) != null;
    }

    private Template template(StackDefinition stack, String templateName) {
        String resource = resource(stack, templateName);
        return cache.computeIfAbsent(resource, this::compile);
    }

    private Template compile(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateNotFoundException("missing template " + resource);
            }
            return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    private static String resource(StackDefinition stack, String templateName) {
        if (templateName == null || templateName.contains("..")) {
            throw new TemplateNotFoundException("invalid template name " + templateName);
        }
        return stack.resourceRoot() + "templates/" + templateName + ".mustache";
    }
}
