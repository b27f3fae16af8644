package dev.forgeline.validation.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A cheap, honest JavaScript scan: skips comments, strings, template literals and regular-expression literals
 * (told from division by the previous token), checks that (), [] and {} balance, and collects the module
 * specifiers of {@code require('x')}, {@code import … from 'x'}, {@code import 'x'}, {@code import('x')} and
 * {@code export … from 'x'}. Syntax is judged by {@link JsParser}; this scan only finds the specifiers.
 */
public final class JsScanner {
    /** Keywords after which a {@code /} starts a regular expression rather than a division. */
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("return", "typeof", "instanceof", "in", "of",
            "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");
    private static final char TEMPLATE_EXPRESSION = '$';

    /** A module specifier written in the file, with its line. */
    public record Specifier(String value, int line) {
    }

    /** The outcome of a scan: the first syntax problem (line and message; null when none) and the specifiers. */
    public record Result(Integer errorLine, String error, List<Specifier> specifiers) {
        public boolean balanced() {
            return error == null;
        }
    }

    private record Frame(char open, int line) {
    }

    private final String src;
    private final int n;
    private int i;
    private int line = 1;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<Specifier> specifiers = new ArrayList<>();
    private String prev;
    private String prev2;
    private boolean regexAllowed = true;
    private Integer errorLine;
    private String error;

    private JsScanner(String src) {
        this.src = src == null ? "" : src;
        this.n = this.src.length();
    }

    /** Scans a JavaScript source. */
    public static Result scan(String source) {
        JsScanner scanner = new JsScanner(source);
        scanner.run();
        return new Result(scanner.errorLine, scanner.error, List.copyOf(scanner.specifiers));
    }

    private void run() {
        if (src.startsWith("#!")) {
            skipToLineEnd();
        }
        while (i < n && error == null) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '/' && peek(1) == '/') {
                skipToLineEnd();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (c == '`') {
                i++;
                template(line);
            } else if (c == '(' || c == '[' || c == '{') {
                stack.push(new Frame(c, line));
                token(String.valueOf(c), true);
                i++;
            } else if (c == ')' || c == ']' || c == '}') {
                close(c);
            } else if (c == '/') {
                slash();
            } else if (isIdentifierStart(c)) {
                identifier();
            } else if (c >= '0' && c <= '9') {
                number();
            } else {
                token(String.valueOf(c), true);
                i++;
            }
        }
        if (error == null && !stack.isEmpty()) {
            Frame open = stack.peek();
            if (open.open() == TEMPLATE_EXPRESSION) {
                fail(open.line(), "template literal expression '${' opened at line " + open.line() + " is never closed");
            } else {
                fail(open.line(), "'" + open.open() + "' opened at line " + open.line() + " is never closed");
            }
        }
    }

    private char peek(int ahead) {
        int j = i + ahead;
        return j < n ? src.charAt(j) : '\0';
    }

    private void token(String text, boolean regexMayFollow) {
        prev2 = prev;
        prev = text;
        regexAllowed = regexMayFollow;
    }

    private void fail(int at, String message) {
        if (error == null) {
            errorLine = at;
            error = message;
        }
    }

    private void skipToLineEnd() {
        while (i < n && src.charAt(i) != '\n') {
            i++;
        }
    }

    private void blockComment() {
        int start = line;
        int end = src.indexOf("*/", i + 2);
        if (end < 0) {
            fail(start, "block comment opened at line " + start + " is never closed");
            i = n;
            return;
        }
        countLines(i, end + 2);
        i = end + 2;
    }

    private void countLines(int from, int to) {
        for (int j = from; j < to; j++) {
            if (src.charAt(j) == '\n') {
                line++;
            }
        }
    }

    private void string(char quote) {
        int start = line;
        int j = i + 1;
        StringBuilder value = new StringBuilder();
        while (j < n) {
            char ch = src.charAt(j);
            if (ch == '\\') {
                if (j + 1 < n) {
                    char next = src.charAt(j + 1);
                    if (next == '\n') {
                        line++;
                    } else if (next == '\r' && j + 2 < n && src.charAt(j + 2) == '\n') {
                        line++;
                        j++;
                    }
                    value.append(next);
                }
                j += 2;
                continue;
            }
            if (ch == quote) {
                break;
            }
            if (ch == '\n') {
                fail(start, "string opened at line " + start + " is not closed on that line");
                i = n;
                return;
            }
            value.append(ch);
            j++;
        }
        if (j >= n) {
            fail(start, "string opened at line " + start + " is never closed");
            i = n;
            return;
        }
        recordSpecifier(value.toString(), start);
        token("<string>", false);
        i = j + 1;
    }

    private void recordSpecifier(String value, int at) {
        boolean required = "(".equals(prev) && ("require".equals(prev2) || "import".equals(prev2));
        boolean imported = "from".equals(prev) || "import".equals(prev);
        if (required || imported) {
            specifiers.add(new Specifier(value, at));
        }
    }

    /** Scans template text from {@code i} (just after a backtick or a closing brace of {@code ${…}}). */
    private void template(int startLine) {
        while (i < n) {
            char ch = src.charAt(i);
            if (ch == '\\') {
                if (peek(1) == '\n') {
                    line++;
                }
                i += 2;
                continue;
            }
            if (ch == '`') {
                i++;
                token("<template>", false);
                return;
            }
            if (ch == '$' && peek(1) == '{') {
                stack.push(new Frame(TEMPLATE_EXPRESSION, startLine));
                i += 2;
                token("${", true);
                return;
            }
            if (ch == '\n') {
                line++;
            }
            i++;
        }
        fail(startLine, "template literal opened at line " + startLine + " is never closed");
    }

    private void close(char c) {
        if (stack.isEmpty()) {
            fail(line, "unexpected '" + c + "' at line " + line + ": nothing is open");
            return;
        }
        Frame open = stack.pop();
        if (open.open() == TEMPLATE_EXPRESSION) {
            if (c != '}') {
                fail(line, "'" + c + "' at line " + line + " inside a template literal expression opened at line "
                        + open.line());
                return;
            }
            i++;
            template(open.line());
            return;
        }
        char expected = open.open() == '(' ? ')' : open.open() == '[' ? ']' : '}';
        if (c != expected) {
            fail(line, "'" + c + "' at line " + line + " does not close '" + open.open() + "' opened at line "
                    + open.line() + " (expected '" + expected + "')");
            return;
        }
        token(String.valueOf(c), false);
        i++;
    }

    private void slash() {
        if (!regexAllowed) {
            token("/", true);
            i++;
            return;
        }
        int j = i + 1;
        boolean inClass = false;
        while (j < n) {
            char ch = src.charAt(j);
            if (ch == '\\') {
                j += 2;
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                // Not a regular expression after all: read it as a division.
                token("/", true);
                i++;
                return;
            }
            if (ch == '[') {
                inClass = true;
            } else if (ch == ']') {
                inClass = false;
            } else if (ch == '/' && !inClass) {
                break;
            }
            j++;
        }
        if (j >= n) {
            token("/", true);
            i++;
            return;
        }
        j++;
        while (j < n && Character.isLetter(src.charAt(j))) {
            j++;
        }
        i = j;
        token("<regex>", false);
    }

    private void identifier() {
        int start = i;
        i++; // the start character ('#' of a private name is not an identifier part)
        while (i < n && isIdentifierPart(src.charAt(i))) {
            i++;
        }
        String word = src.substring(start, i);
        boolean member = ".".equals(prev);
        token(word, !member && EXPRESSION_KEYWORDS.contains(word));
    }

    private void number() {
        while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '.' || src.charAt(i) == '_')) {
            i++;
        }
        token("<number>", false);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '$' || c == '_' || c == '#' || c > 127;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '_' || c > 127;
    }
}
