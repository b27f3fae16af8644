package dev.forgeline.validation.service;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kind of a generated file, from its name: what decides which {@link FileCheck}s run on it. */
public enum FileType {
    JAVASCRIPT, JSON, YAML, SQL, TERRAFORM, DOCKERFILE, ENV, SHELL, DOTFILE, MARKDOWN, TEXT, OTHER;

    /** Every type whose content is code or configuration, i.e. where a Markdown fence is never legitimate. */
    public static final Set<FileType> CODE = EnumSet.complementOf(EnumSet.of(MARKDOWN, TEXT));

    /** The type of a path, by its file name. */
    public static FileType of(String path) {
        if (path == null) {
            return OTHER;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(slash + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".mjs") || lower.endsWith(".cjs")) {
            return JAVASCRIPT;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return YAML;
        }
        if (lower.endsWith(".sql")) {
            return SQL;
        }
        if (lower.endsWith(".tf") || lower.endsWith(".tfvars")) {
            return TERRAFORM;
        }
        if (lower.equals("dockerfile") || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile")) {
            return DOCKERFILE;
        }
        if (lower.endsWith(".sh")) {
            return SHELL;
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (lower.endsWith(".txt")) {
            return TEXT;
        }
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")) {
            return ENV;
        }
        if (lower.startsWith(".")) {
            return DOTFILE;
        }
        return OTHER;
    }
}
