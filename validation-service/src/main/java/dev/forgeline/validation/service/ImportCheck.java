package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * The imports of a JavaScript file ({@code require}, {@code import … from}, {@code import()}, {@code export … from}):
 * {@code import.unresolved} for a relative specifier that resolves to no file the context knows, and
 * {@code import.undeclared} for a package (a bare specifier that is not a Node.js built-in) that the context's
 * package.json does not declare. Specifiers come from {@link JsScanner}, which skips comments and strings.
 */
final class ImportCheck implements FileCheck {
    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.JAVASCRIPT);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        List<JsScanner.Specifier> specifiers = JsScanner.scan(file.content()).specifiers();
        List<ValidationIssue> issues = new ArrayList<>(unresolved(file.path(), specifiers, context.resolvablePaths(), ""));
        context.manifest().ifPresent(m -> issues.addAll(undeclared(file.path(), specifiers, m, "", new HashSet<>())));
        return issues;
    }

    /** The unresolved relative specifiers of one JavaScript source, as issues; {@code where} ends the message. */
    static List<ValidationIssue> unresolved(String path, List<JsScanner.Specifier> specifiers, Set<String> paths,
            String where) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (JsScanner.Specifier s : specifiers) {
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

    /**
     * The package imports of one source that the manifest does not declare, whose names are added to {@code names};
     * {@code where} ends the message.
     */
    static List<ValidationIssue> undeclared(String path, List<JsScanner.Specifier> specifiers, PackageManifest manifest,
            String where, Set<String> names) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (JsScanner.Specifier s : specifiers) {
            if (!NodeModules.isPackage(s.value())) {
                continue;
            }
            String name = NodeModules.packageName(s.value());
            if (!manifest.allows(name)) {
                names.add(name);
                issues.add(ValidationIssue.error(path, s.line(), Rules.IMPORT_UNDECLARED, "package '" + name
                        + "' is imported but not declared in package.json dependencies or devDependencies" + where));
            }
        }
        return issues;
    }
}
