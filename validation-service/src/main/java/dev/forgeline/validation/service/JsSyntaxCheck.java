package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code js.syntax} from the ECMAScript 2022 parser ({@link JsParser}), and {@code placeholder} for a function
 * declaration or method left with an empty body where logic is due (arrow functions and function expressions, the
 * no-op callbacks, are allowed empty; so are constructors, getters and setters).
 */
final class JsSyntaxCheck implements FileCheck {
    private final boolean emptyBodies;

    JsSyntaxCheck(boolean emptyBodies) {
        this.emptyBodies = emptyBodies;
    }

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.JAVASCRIPT);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        JsParser.Result result = JsParser.parse(file.path(), file.content());
        if (!result.parsed()) {
            JsParser.SyntaxError e = result.error();
            return List.of(ValidationIssue.error(file.path(), e.line(), Rules.JS_SYNTAX,
                    (result.module() ? "ES module" : "CommonJS") + " syntax error at " + e.line() + ":" + e.column()
                            + ": " + e.message()));
        }
        if (!emptyBodies) {
            return List.of();
        }
        List<ValidationIssue> issues = new ArrayList<>();
        for (JsParser.EmptyBody body : result.emptyBodies()) {
            issues.add(ValidationIssue.error(file.path(), body.line(), Rules.PLACEHOLDER,
                    "function '" + (body.name().isEmpty() ? "(anonymous)" : body.name())
                            + "' has an empty body where its logic is due"));
        }
        return issues;
    }
}
