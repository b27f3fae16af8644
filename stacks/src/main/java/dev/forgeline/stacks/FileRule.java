package dev.forgeline.stacks;

/**
 * One file a stack module produces. {@code path} may contain {@code {entity}} (the entity's lowerCamel name);
 * such a rule is expanded once per entity when {@code perEntity} is set.
 */
public record FileRule(String path, String template, boolean perEntity, boolean critical) {
}
