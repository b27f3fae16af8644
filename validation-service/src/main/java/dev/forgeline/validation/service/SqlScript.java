package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons, the way psql does: skipping {@code --} and
 * (nested) block comments, single-quoted strings (with {@code ''} and, in {@code E'…'}, backslash escapes),
 * double-quoted identifiers and dollar-quoted bodies ({@code $$…$$}, {@code $tag$…$tag$}). Comments are blanked out
 * of the statement text (newlines kept), so a parser sees code only and its line numbers stay the file's.
 */
final class SqlScript {
    /** One statement: its text without comments or the closing semicolon, and the file line it starts on. */
    record Statement(String text, int line) {
    }

    /** The result of a split: the statements, and the first lexical problem (null when none) with its line. */
    record Split(List<Statement> statements, String error, Integer errorLine) {
    }

    private SqlScript() {
    }

    static Split split(String sql) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int open = line;
                int depth = 0;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        if (sql.charAt(i) == '\n') {
                            line++;
                            current.append('\n');
                        }
                        i++;
                    }
                }
                if (depth > 0) {
                    return new Split(statements, "block comment opened at line " + open + " is never closed", open);
                }
                current.append(' ');
                continue;
            }
            if (c == ';') {
                if (startLine > 0) {
                    statements.add(new Statement(current.toString(), startLine));
                }
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
                current.setLength(0);
            }
            int end;
            if (c == '\'' ) {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                end = quoted(sql, i, '\'', escapes);
            } else if (c == '"') {
                end = quoted(sql, i, '"', false);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                end = close < 0 ? -1 : close + tag.length();
            } else {
                if (c == '\n') {
                    line++;
                }
                if (startLine > 0) {
                    current.append(c);
                }
                i++;
                continue;
            }
            if (end < 0) {
                String what = c == '\'' ? "string" : c == '"' ? "quoted identifier" : "dollar-quoted body";
                return new Split(statements, what + " opened at line " + line + " is never closed", line);
            }
            String literal = sql.substring(i, end);
            current.append(literal);
            line += (int) literal.chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        if (startLine > 0 && !current.toString().isBlank()) {
            statements.add(new Statement(current.toString(), startLine));
        }
        return new Split(statements, null, null);
    }

    /** The end (exclusive) of a quoted run starting at {@code start}, or -1 when it never closes. */
    private static int quoted(String s, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** The dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code i}, or null (a {@code $1} parameter). */
    static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != '$') {
            return null;
        }
        String tag = s.substring(i, j + 1);
        return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
    }
}
