package dev.forgeline.stacks.render;

/** A planned file names a template the stack does not have on the classpath. */
public class TemplateNotFoundException extends RuntimeException {
    public TemplateNotFoundException(String message) {
        super(message);
    }
}
