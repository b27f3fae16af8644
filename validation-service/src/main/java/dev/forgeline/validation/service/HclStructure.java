package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The structural grammar of an HCL body, which hcl4j does not enforce (it accepts unclosed blocks, attributes without
 * a value and prose): a body is a sequence of attributes {@code name = expression} (one per line) and blocks
 * {@code type "label"… { body }}; expressions are checked for balanced brackets only. Strings with {@code ${…}}
 * interpolation, heredocs and the three comment styles are tokenised properly.
 */
final class HclStructure {
    enum Kind { IDENT, STRING, HEREDOC, NUMBER, NEWLINE, PUNCT, EOF }

    record Tok(Kind kind, String text, int line) {
    }

    /** The first structural error: line and message. */
    record Error(int line, String message) {
    }

    /** A lexical or structural failure, thrown inside the parse and turned into an {@link Error}. */
    private static final class Failure extends RuntimeException {
        private final int line;

        Failure(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final List<Tok> toks;
    private int p;

    private HclStructure(List<Tok> toks) {
        this.toks = toks;
    }

    /** The first structural error of an HCL source, or null when its structure is sound. */
    static Error check(String src) {
        try {
            HclStructure parser = new HclStructure(tokenize(src));
            parser.body(null);
            return null;
        } catch (Failure f) {
            return new Error(f.line, f.getMessage());
        }
    }

    private Tok peek() {
        return toks.get(p);
    }

    private Tok next() {
        return toks.get(p++);
    }

    private void body(Tok opener) {
        while (true) {
            Tok t = next();
            switch (t.kind()) {
                case NEWLINE -> {
                }
                case EOF -> {
                    if (opener != null) {
                        throw new Failure(opener.line(), "block opened at line " + opener.line() + " is never closed");
                    }
                    return;
                }
                case IDENT -> item(t);
                default -> {
                    if (t.text().equals("}") && opener != null) {
                        return;
                    }
                    throw new Failure(t.line(), "expected an attribute or a block, found " + describe(t));
                }
            }
        }
    }

    private void item(Tok name) {
        Tok t = next();
        if (t.text().equals("=") && t.kind() == Kind.PUNCT) {
            expression(name);
            return;
        }
        while (t.kind() == Kind.STRING || t.kind() == Kind.IDENT) {
            t = next();
        }
        if (t.kind() == Kind.PUNCT && t.text().equals("{")) {
            body(t);
            Tok after = peek();
            if (after.kind() != Kind.NEWLINE && after.kind() != Kind.EOF && !after.text().equals("}")) {
                throw new Failure(after.line(), "a block must end its line, found " + describe(after));
            }
            return;
        }
        throw new Failure(t.line(), "after '" + name.text() + "' expected '=' or a block's '{', found " + describe(t));
    }

    /** An attribute's value: tokens up to the end of the line, brackets balanced (newlines allowed inside them). */
    private void expression(Tok name) {
        List<Tok> open = new ArrayList<>();
        int count = 0;
        while (true) {
            Tok t = peek();
            if (t.kind() == Kind.EOF || (t.kind() == Kind.NEWLINE && open.isEmpty())
                    || (open.isEmpty() && t.text().equals("}") && t.kind() == Kind.PUNCT)) {
                if (!open.isEmpty()) {
                    Tok o = open.get(open.size() - 1);
                    throw new Failure(o.line(), "'" + o.text() + "' opened at line " + o.line() + " is never closed");
                }
                if (count == 0) {
                    throw new Failure(name.line(), "attribute '" + name.text() + "' has no value");
                }
                return;
            }
            p++;
            count++;
            if (t.kind() != Kind.PUNCT) {
                continue;
            }
            String s = t.text();
            if (s.equals("(") || s.equals("[") || s.equals("{")) {
                open.add(t);
            } else if (s.equals(")") || s.equals("]") || s.equals("}")) {
                String expected = s.equals(")") ? "(" : s.equals("]") ? "[" : "{";
                if (open.isEmpty() || !open.get(open.size() - 1).text().equals(expected)) {
                    throw new Failure(t.line(), "unexpected '" + s + "'" + (open.isEmpty() ? ""
                            : " ('" + open.get(open.size() - 1).text() + "' opened at line "
                                    + open.get(open.size() - 1).line() + " is still open)"));
                }
                open.remove(open.size() - 1);
            }
        }
    }

    private static String describe(Tok t) {
        return switch (t.kind()) {
            case NEWLINE -> "the end of the line";
            case EOF -> "the end of the file";
            default -> "'" + t.text() + "'";
        };
    }

    static List<Tok> tokenize(String src) {
        List<Tok> out = new ArrayList<>();
        int n = src.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                out.add(new Tok(Kind.NEWLINE, "\n", line));
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                i++;
            } else if (c == '#' || (c == '/' && i + 1 < n && src.charAt(i + 1) == '/')) {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new Failure(line, "block comment opened at line " + line + " is never closed");
                }
                line += count(src, i, end);
                i = end + 2;
            } else if (c == '"') {
                int start = line;
                int end = stringEnd(src, i, start);
                line += count(src, i, end);
                out.add(new Tok(Kind.STRING, src.substring(i, end), start));
                i = end;
            } else if (c == '<' && src.startsWith("<<", i) && heredocMarker(src, i) != null) {
                String marker = heredocMarker(src, i);
                int start = line;
                int bodyStart = src.indexOf('\n', i);
                int k = bodyStart + 1;
                int end = -1;
                while (bodyStart >= 0 && k <= n) {
                    int eol = src.indexOf('\n', k);
                    String l = src.substring(k, eol < 0 ? n : eol).strip();
                    if (l.equals(marker)) {
                        end = eol < 0 ? n : eol;
                        break;
                    }
                    if (eol < 0) {
                        break;
                    }
                    k = eol + 1;
                }
                if (end < 0) {
                    throw new Failure(start, "heredoc <<" + marker + " opened at line " + start + " is never closed");
                }
                line += count(src, i, end);
                out.add(new Tok(Kind.HEREDOC, marker, start));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '_' || src.charAt(j) == '-')) {
                    j++;
                }
                out.add(new Tok(Kind.IDENT, src.substring(i, j), line));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Tok(Kind.NUMBER, src.substring(i, j), line));
                i = j;
            } else {
                out.add(new Tok(Kind.PUNCT, String.valueOf(c), line));
                i++;
            }
        }
        out.add(new Tok(Kind.EOF, "", line));
        return out;
    }

    /** The end (exclusive) of the string literal at {@code i}, skipping escapes and {@code ${…}} / {@code %{…}}. */
    private static int stringEnd(String src, int i, int line) {
        int n = src.length();
        int k = i + 1;
        while (k < n) {
            char c = src.charAt(k);
            if (c == '\\') {
                k += 2;
            } else if (c == '"') {
                return k + 1;
            } else if (c == '\n') {
                break;
            } else if ((c == '$' || c == '%') && k + 1 < n && src.charAt(k + 1) == '{') {
                k = templateEnd(src, k + 2, line);
            } else {
                k++;
            }
        }
        throw new Failure(line, "string opened at line " + line + " is never closed on its line");
    }

    private static int templateEnd(String src, int k, int line) {
        int depth = 1;
        int n = src.length();
        while (k < n) {
            char c = src.charAt(k);
            if (c == '"') {
                k = stringEnd(src, k, line);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k + 1;
            }
            k++;
        }
        throw new Failure(line, "template interpolation '${' opened at line " + line + " is never closed");
    }

    private static String heredocMarker(String src, int i) {
        int k = i + 2;
        if (k < src.length() && src.charAt(k) == '-') {
            k++;
        }
        int j = k;
        while (j < src.length() && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '_')) {
            j++;
        }
        if (j == k) {
            return null;
        }
        int eol = src.indexOf('\n', j);
        String rest = src.substring(j, eol < 0 ? src.length() : eol).strip();
        return rest.isEmpty() ? src.substring(k, j) : null;
    }

    private static int count(String src, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < src.length(); k++) {
            if (src.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
