package dev.forgeline.validation.service;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code prose}: a code file whose first or last non-blank line is an assistant's sentence ("Here is the updated
 * file:", "Sure!", "I've added …", "This code implements …") rather than code or a comment. The parsers catch most
 * prose as a syntax error too; this names the cause, and covers files no parser reads (.dockerignore, shell).
 */
final class ProseCheck implements FileCheck {
    private static final Pattern PROSE = Pattern.compile("^(?:here(?:'s|\u2019s| is| are)\\s|sure[,!.]|certainly[,!.]"
            + "|of course[,!.]|absolutely[,!.]|okay[,!.]|below (?:is|are)\\s|the following (?:is|are|code|file)\\b"
            + "|this (?:file|code|module|script|updated)\\b.*\\b(?:is|contains|implements|defines|provides|will)\\b"
            + "|i(?:'ve|\u2019ve| have| will|'ll) (?:created|written|updated|added|implemented|included|made)\\b"
            + "|let me\\s|note:\\s|explanation:)", Pattern.CASE_INSENSITIVE);

    @Override
    public Set<FileType> fileTypes() {
        return FileType.CODE;
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        String[] lines = file.content().split("\n", -1);
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        for (int i : first == last ? new int[] { first } : new int[] { first, last }) {
            if (i >= 0 && PROSE.matcher(lines[i].strip()).lookingAt()) {
                String text = lines[i].strip();
                return List.of(ValidationIssue.error(file.path(), i + 1, Rules.PROSE, "prose instead of code: '"
                        + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'"));
            }
        }
        return List.of();
    }
}
