package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/** {@code import.unresolved}: every relative require/import must resolve to a file the context knows. */
final class RelativeImportCheck implements FileCheck {
    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.JAVASCRIPT);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        return unresolved(file.path(), file.content(), context.resolvablePaths(), "");
    }

    /** The unresolved relative specifiers of one JavaScript source, as issues; {@code where} ends the message. */
    static List<ValidationIssue> unresolved(String path, String content, Set<String> paths, String where) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (JsScanner.Specifier s : JsScanner.scan(content).specifiers()) {
            if (!ImportResolver.isRelative(s.value())) {
                continue;
            }
            if (ImportResolver.resolve(path, s.value(), paths).isEmpty()) {
                String target = ImportResolver.target(path, s.value()).orElse(null);
                issues.add(ValidationIssue.error(path, s.line(), Rules.IMPORT_UNRESOLVED,
                        "'" + s.value() + "' does not resolve"
                                + (target == null ? " (it climbs above the project root)"
                                        : " to a file (tried " + target + ", " + target + ".js, " + target
                                                + ".json, " + target + "/index.js)")
                                + where));
            }
        }
        return issues;
    }
}
