package dev.forgeline.stacks.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import dev.forgeline.stacks.StackDefinition;

/**
 * The LLM prompts of a stack, kept beside its plan and templates: {@code stacks/<stack>/prompts/<name>.mustache}
 * (system, module, repair, continue, missing) and optional per-module notes in
 * {@code stacks/<stack>/prompts/modules/<module>.mustache}. Mustache without HTML escaping; a variable the context
 * lacks is an error, a missing section is false. Thread-safe; compiled prompts are cached.
 */
public final class StackPrompts {
    public static final String SYSTEM = "system";
    public static final String MODULE = "module";
    public static final String REPAIR = "repair";
    public static final String CONTINUE = "continue";
    public static final String MISSING = "missing";

    private final ClassLoader loader;
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).standardsMode(false);
    private final ConcurrentMap<String, Optional<Template>> cache = new ConcurrentHashMap<>();

    public StackPrompts() {
        this(StackPrompts.class.getClassLoader());
    }

    public StackPrompts(ClassLoader loader) {
        this.loader = loader;
    }

    /** The named prompt rendered over {@code context}; a missing prompt is a {@link PromptNotFoundException}. */
    public String render(StackDefinition stack, String name, Map<String, Object> context) {
        String resource = resource(stack, name);
        Template template = template(resource)
                .orElseThrow(() -> new PromptNotFoundException("stack " + stack.name() + " has no prompt " + resource));
        return template.execute(context);
    }

    /** The module's own notes rendered over {@code context}, when the stack has them. */
    public Optional<String> moduleNotes(StackDefinition stack, String module, Map<String, Object> context) {
        if (module == null || !module.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return template(stack.resourceRoot() + "prompts/modules/" + module + ".mustache")
                .map(t -> t.execute(context));
    }

    /** Whether the stack has the named prompt. */
    public boolean has(StackDefinition stack, String name) {
        return template(resource(stack, name)).isPresent();
    }

    private Optional<Template> template(String resource) {
        return cache.computeIfAbsent(resource, this::compile);
    }

    private Optional<Template> compile(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    private static String resource(StackDefinition stack, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new PromptNotFoundException("invalid prompt name " + name);
        }
        return stack.resourceRoot() + "prompts/" + name + ".mustache";
    }

    /** A stack without the prompt the LLM provider needs. */
    public static final class PromptNotFoundException extends RuntimeException {
        public PromptNotFoundException(String message) {
            super(message);
        }
    }
}
