package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code placeholder}: text a generator leaves instead of code ("TODO: implement", "// ... rest of", "... existing
 * code ...", "// your code here", {@code throw new Error('Not implemented')}). Empty function bodies are found by
 * the JavaScript parser ({@link JsSyntaxCheck}).
 */
final class PlaceholderCheck implements FileCheck {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("TODO\\s*:?\\s*implement", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(//|#|/\\*|--|<!--)\\s*(\\.{3}|\u2026)\\s*(the\\s+)?rest\\s+of", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(\\.{3}|\u2026)\\s*existing\\s+code\\s*(\\.{3}|\u2026)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(//|#|/\\*|--)\\s*(your|add( your)?|implement( the)?|insert)\\s+(code|logic|implementation)\\s+here",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("throw\\s+new\\s+\\w*Error\\(\\s*['\"`]\\s*not\\s+(yet\\s+)?implemented",
                    Pattern.CASE_INSENSITIVE));

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.allOf(FileType.class);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        String content = file.content();
        List<ValidationIssue> issues = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(content);
            if (m.find()) {
                issues.add(ValidationIssue.error(file.path(), Lines.lineAt(content, m.start()), Rules.PLACEHOLDER,
                        "placeholder text '" + m.group() + "' instead of code"));
            }
        }
        return issues;
    }
}
