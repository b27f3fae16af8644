package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
    // Each pattern with a word every match of it contains. A case-insensitive regex without a literal prefix tries
    // every position of the file, and the five scans were a quarter of the validator's CPU (JFR at c1); a file that
    // lacks the word (ASCII, lower case: the patterns fold ASCII case only) cannot match, so its scan is skipped.
    private static final List<Placeholder> PATTERNS = List.of(
            new Placeholder("todo", Pattern.compile("TODO\\s*:?\\s*implement", Pattern.CASE_INSENSITIVE)),
            new Placeholder("rest", Pattern.compile("(//|#|/\\*|--|<!--)\\s*(\\.{3}|\u2026)\\s*(the\\s+)?rest\\s+of",
                    Pattern.CASE_INSENSITIVE)),
            new Placeholder("existing", Pattern.compile("(\\.{3}|\u2026)\\s*existing\\s+code\\s*(\\.{3}|\u2026)",
                    Pattern.CASE_INSENSITIVE)),
            new Placeholder("here", Pattern.compile(
                    "(//|#|/\\*|--)\\s*(your|add( your)?|implement( the)?|insert)\\s+(code|logic|implementation)\\s+here",
                    Pattern.CASE_INSENSITIVE)),
            new Placeholder("implemented", Pattern.compile(
                    "throw\\s+new\\s+\\w*Error\\(\\s*['\"`]\\s*not\\s+(yet\\s+)?implemented", Pattern.CASE_INSENSITIVE)));

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.allOf(FileType.class);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        String content = file.content();
        String lower = content.toLowerCase(Locale.ROOT);
        List<ValidationIssue> issues = new ArrayList<>();
        for (Placeholder placeholder : PATTERNS) {
            if (!lower.contains(placeholder.word())) {
                continue;
            }
            Matcher m = placeholder.pattern().matcher(content);
            if (m.find()) {
                issues.add(ValidationIssue.error(file.path(), Lines.lineAt(content, m.start()), Rules.PLACEHOLDER,
                        "placeholder text '" + m.group() + "' instead of code"));
            }
        }
        return issues;
    }

    private record Placeholder(String word, Pattern pattern) {
    }
}
