package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/** The registry of {@link FileCheck}s keyed by {@link FileType}; an empty file gets only {@code file.empty}. */
public final class FileChecks {
    private final Map<FileType, List<FileCheck>> byType = new EnumMap<>(FileType.class);

    public FileChecks(List<FileCheck> checks) {
        for (FileType type : FileType.values()) {
            byType.put(type, new ArrayList<>());
        }
        for (FileCheck check : checks) {
            for (FileType type : check.fileTypes()) {
                byType.get(type).add(check);
            }
        }
    }

    /** Every check, empty function bodies included (the defaults of DESIGN §4). */
    public static FileChecks defaults() {
        return of(true);
    }

    /**
     * Generic content checks (size, Markdown fences, prose, placeholders), a real parser per file type (JavaScript,
     * JSON, YAML, SQL, HCL, Dockerfile, .env) and the import checks.
     */
    public static FileChecks of(boolean emptyFunctionBodies) {
        return new FileChecks(List.of(
                new FileSizeCheck(),
                new MarkdownFenceCheck(),
                new ProseCheck(),
                new PlaceholderCheck(),
                new JsonSyntaxCheck(),
                new JsSyntaxCheck(emptyFunctionBodies),
                new ImportCheck(),
                new YamlSyntaxCheck(),
                new SqlSyntaxCheck(),
                new HclSyntaxCheck(),
                new DockerfileCheck(),
                new EnvFileCheck()));
    }

    /** The checks registered for a type, in registration order. */
    public List<FileCheck> checksFor(FileType type) {
        return List.copyOf(byType.get(type));
    }

    /** Runs every check of the file's type on it. */
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        String content = file.content();
        if (content == null || content.isBlank()) {
            return List.of(ValidationIssue.error(file.path(), null, Rules.FILE_EMPTY,
                    content == null || content.isEmpty() ? "file is empty" : "file holds only whitespace"));
        }
        List<ValidationIssue> issues = new ArrayList<>();
        for (FileCheck check : byType.get(FileType.of(file.path()))) {
            issues.addAll(check.check(file, context));
        }
        return issues;
    }
}
