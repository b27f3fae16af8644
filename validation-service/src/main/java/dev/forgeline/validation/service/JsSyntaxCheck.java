package dev.forgeline.validation.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/** {@code js.syntax}: brackets balance outside comments, strings, template literals and regular expressions. */
final class JsSyntaxCheck implements FileCheck {
    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.JAVASCRIPT);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        JsScanner.Result result = JsScanner.scan(file.content());
        if (result.balanced()) {
            return List.of();
        }
        return List.of(ValidationIssue.error(file.path(), result.errorLine(), Rules.JS_SYNTAX, result.error()));
    }
}
