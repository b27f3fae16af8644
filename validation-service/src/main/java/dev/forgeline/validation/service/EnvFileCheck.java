package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code env.syntax}: every line of a {@code .env} file is blank, a {@code #} comment or {@code [export ]KEY=VALUE}
 * with a key of letters, digits and underscores (no spaces around it); a quoted value must close (a double-quoted
 * one may span lines, as dotenv allows); text after a closing quote must be a comment. A key set twice is
 * {@code env.duplicate} (warning).
 */
final class EnvFileCheck implements FileCheck {
    private static final Pattern ASSIGNMENT = Pattern.compile("^(export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)=(.*)$");
    private static final Pattern KEY_WITH_SPACES = Pattern.compile("^(export\\s+)?[^=#]*\\s[^=#]*=.*$");

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.ENV);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        List<ValidationIssue> issues = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = file.content().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                String why = KEY_WITH_SPACES.matcher(line).matches() ? "a key must not contain or be surrounded by spaces"
                        : line.contains("=") ? "the key must be letters, digits and underscores, not starting with a digit"
                        : "not KEY=VALUE, a comment or a blank line";
                issues.add(ValidationIssue.error(file.path(), number, Rules.ENV_SYNTAX, why + ": '" + abbreviate(trimmed) + "'"));
                continue;
            }
            Integer first = seen.putIfAbsent(m.group(2), number);
            if (first != null) {
                issues.add(ValidationIssue.warning(file.path(), number, Rules.ENV_DUPLICATE,
                        "key " + m.group(2) + " is already set at line " + first));
            }
            String value = m.group(3);
            if (value.startsWith("\"") || value.startsWith("'") || value.startsWith("`")) {
                char quote = value.charAt(0);
                int close = closing(value, quote, 1);
                int end = i;
                while (close < 0 && quote == '"' && end + 1 < lines.length) {
                    end++;
                    value = lines[end];
                    close = closing(value, quote, 0);
                }
                if (close < 0) {
                    issues.add(ValidationIssue.error(file.path(), number, Rules.ENV_SYNTAX,
                            "value of " + m.group(2) + " opens a " + quote + " quote that never closes"));
                    i = lines.length;
                    continue;
                }
                String rest = value.substring(close + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    issues.add(ValidationIssue.error(file.path(), end + 1, Rules.ENV_SYNTAX,
                            "text after the closing quote of " + m.group(2) + ": '" + abbreviate(rest) + "'"));
                }
                i = end;
            }
        }
        return issues;
    }

    /** Index of the closing quote in {@code s} from {@code from}, or -1 if none. */
    private static int closing(String s, char quote, int from) {
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && quote == '"') {
                k++;
            } else if (c == quote) {
                return k;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
