package dev.forgeline.stacks;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A field {@code pattern} restricted to the regular-expression syntax that means the same in Java (the spec
 * validator), JavaScript (request validation in the generated code) and, translated, PostgreSQL (the column's
 * CHECK): literals, {@code .}, character classes and ranges, {@code \d \w \s} and their negations, groups
 * ({@code (…)}, {@code (?:…)}, {@code (?<name>…)}), alternation, the quantifiers {@code * + ? {n} {n,} {n,m}} (also
 * lazy), and the anchors {@code ^ $ \b \B}. Lookaround, back-references, inline flags, possessive quantifiers,
 * {@code \p{…}}, class intersections and other engine-specific syntax are refused with a message saying so.
 *
 * <p>The parsed pattern also yields sample values (for the generated tests) and its PostgreSQL form.
 */
public final class PortableRegex {
    /** PostgreSQL's limit on a bounded repetition count (RE_DUP_MAX). */
    private static final int POSTGRES_MAX_REPEAT = 255;
    private static final int UNBOUNDED = -1;
    private static final String PREFERRED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String source;
    private final Node root;
    private final Pattern compiled;

    private PortableRegex(String source, Node root) {
        this.source = source;
        this.root = root;
        this.compiled = Pattern.compile(source);
    }

    /** Thrown for a pattern outside the portable subset; the message names the construct and its position. */
    public static final class UnsupportedPatternException extends IllegalArgumentException {
        UnsupportedPatternException(String message) {
            super(message);
        }
    }

    /** Parses the pattern or throws {@link UnsupportedPatternException}. */
    public static PortableRegex parse(String pattern) {
        Parser parser = new Parser(pattern);
        Node node = parser.alternation();
        if (parser.pos < pattern.length()) {
            throw parser.unsupported("unbalanced ')'");
        }
        return new PortableRegex(pattern, node);
    }

    public String source() {
        return source;
    }

    /** Whether a value matches as JavaScript's {@code RegExp.test} would (a match anywhere in the value). */
    public boolean matches(String value) {
        return compiled.matcher(value).find();
    }

    /**
     * The pattern as a PostgreSQL advanced regular expression for {@code column ~ '…'}, or empty when it cannot be
     * expressed exactly (a repetition count above 255, a negated class escape inside brackets).
     */
    public Optional<String> postgres() {
        StringBuilder sb = new StringBuilder();
        return root.postgres(sb) ? Optional.of(sb.toString()) : Optional.empty();
    }

    /**
     * Up to {@code count} distinct values that match the pattern and have between {@code minLength} and
     * {@code maxLength} characters (either may be null); the same arguments always give the same values. Empty when
     * no such value was found.
     */
    public List<String> samples(Integer minLength, Integer maxLength, int count) {
        int min = minLength == null ? 0 : minLength;
        int max = maxLength == null ? Integer.MAX_VALUE : maxLength;
        Set<String> found = new LinkedHashSet<>();
        int shortest = root.minLength();
        for (int attempt = 0; attempt < 400 && found.size() < count; attempt++) {
            Random random = new Random(31L * attempt + source.hashCode());
            int wanted = Math.max(0, min - shortest) + (attempt % 4);
            int[] budget = {wanted};
            StringBuilder sb = new StringBuilder();
            root.generate(sb, random, budget, attempt == 0);
            String value = sb.toString();
            if (value.length() >= min && value.length() <= max && matches(value)) {
                found.add(value);
            }
        }
        return List.copyOf(found);
    }

    // ------------------------------------------------------------------------------------------------ syntax tree

    private interface Node {
        void generate(StringBuilder out, Random random, int[] budget, boolean plain);

        int minLength();

        boolean postgres(StringBuilder out);
    }

    private record Sequence(List<Node> items) implements Node {
        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
            for (Node n : items) {
                n.generate(out, random, budget, plain);
            }
        }

        public int minLength() {
            return items.stream().mapToInt(Node::minLength).sum();
        }

        public boolean postgres(StringBuilder out) {
            for (Node n : items) {
                if (!n.postgres(out)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Alternation(List<Node> options) implements Node {
        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
            options.get(plain ? 0 : random.nextInt(options.size())).generate(out, random, budget, plain);
        }

        public int minLength() {
            return options.stream().mapToInt(Node::minLength).min().orElse(0);
        }

        public boolean postgres(StringBuilder out) {
            for (int i = 0; i < options.size(); i++) {
                if (i > 0) {
                    out.append('|');
                }
                if (!options.get(i).postgres(out)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Group(Node inner) implements Node {
        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
            inner.generate(out, random, budget, plain);
        }

        public int minLength() {
            return inner.minLength();
        }

        public boolean postgres(StringBuilder out) {
            out.append("(?:");
            boolean ok = inner.postgres(out);
            out.append(')');
            return ok;
        }
    }

    private record Repeat(Node inner, int min, int max) implements Node {
        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
            int count = min;
            int limit = max == UNBOUNDED ? Integer.MAX_VALUE : max;
            if (!plain && count < limit && budget[0] <= 0 && random.nextInt(3) == 0) {
                count++;
            }
            for (int i = 0; i < count; i++) {
                inner.generate(out, random, budget, plain);
            }
            int each = Math.max(1, inner.minLength());
            while (count < limit && budget[0] > 0) {
                int before = out.length();
                inner.generate(out, random, budget, plain);
                budget[0] -= Math.max(each, out.length() - before);
                count++;
            }
        }

        public int minLength() {
            return min * inner.minLength();
        }

        public boolean postgres(StringBuilder out) {
            if (min > POSTGRES_MAX_REPEAT || max > POSTGRES_MAX_REPEAT) {
                return false;
            }
            out.append("(?:");
            boolean ok = inner.postgres(out);
            out.append(')');
            if (min == 0 && max == UNBOUNDED) {
                out.append('*');
            } else if (min == 1 && max == UNBOUNDED) {
                out.append('+');
            } else if (min == 0 && max == 1) {
                out.append('?');
            } else if (max == UNBOUNDED) {
                out.append('{').append(min).append(",}");
            } else if (min == max) {
                out.append('{').append(min).append('}');
            } else {
                out.append('{').append(min).append(',').append(max).append('}');
            }
            return ok;
        }
    }

    private record Literal(char c) implements Node {
        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
            out.append(c);
        }

        public int minLength() {
            return 1;
        }

        public boolean postgres(StringBuilder out) {
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c > 0x7e) {
                out.append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append('\\').append(c);
            }
            return true;
        }
    }

    private record Anchor(String java, String postgres) implements Node {
        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
        }

        public int minLength() {
            return 0;
        }

        public boolean postgres(StringBuilder out) {
            out.append(postgres);
            return true;
        }
    }

    /** A set of characters: {@code .}, a class, or a class escape. Only characters up to U+FFFF are represented. */
    private record CharSet(BitSet chars, boolean negated, String postgresForm) implements Node {
        boolean contains(char c) {
            return chars.get(c) != negated;
        }

        public void generate(StringBuilder out, Random random, int[] budget, boolean plain) {
            List<Character> preferred = new ArrayList<>();
            for (char c : PREFERRED.toCharArray()) {
                if (contains(c)) {
                    preferred.add(c);
                }
            }
            if (preferred.isEmpty()) {
                for (char c = 0x20; c < 0x7f; c++) {
                    if (contains(c)) {
                        preferred.add(c);
                    }
                }
            }
            if (preferred.isEmpty()) {
                for (char c = 0x80; c < 0xffff; c++) {
                    if (contains(c) && !Character.isSurrogate(c)) {
                        preferred.add(c);
                        break;
                    }
                }
            }
            if (preferred.isEmpty()) {
                return;
            }
            out.append(plain ? preferred.get(0) : preferred.get(random.nextInt(preferred.size())));
        }

        public int minLength() {
            return 1;
        }

        public boolean postgres(StringBuilder out) {
            if (postgresForm == null) {
                return false;
            }
            out.append(postgresForm);
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ parser

    private static final class Parser {
        private final String p;
        private int pos;
        private int groups;

        Parser(String pattern) {
            this.p = pattern;
        }

        UnsupportedPatternException unsupported(String what) {
            return new UnsupportedPatternException(what + " at position " + pos + " is not supported; a pattern may use "
                    + "literals, '.', character classes, \\d \\w \\s (and \\D \\W \\S), groups, '|', the quantifiers "
                    + "* + ? {n} {n,} {n,m} and the anchors ^ $ \\b \\B");
        }

        Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (pos < p.length() && p.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Alternation(options);
        }

        Node sequence() {
            List<Node> items = new ArrayList<>();
            while (pos < p.length() && p.charAt(pos) != '|' && p.charAt(pos) != ')') {
                Node atom = atom();
                items.add(quantified(atom));
            }
            return items.size() == 1 ? items.get(0) : new Sequence(items);
        }

        Node quantified(Node atom) {
            if (pos >= p.length()) {
                return atom;
            }
            char c = p.charAt(pos);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = UNBOUNDED;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = UNBOUNDED;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{' && isBound(pos)) {
                int close = p.indexOf('}', pos);
                String body = p.substring(pos + 1, close);
                int comma = body.indexOf(',');
                if (comma < 0) {
                    min = Integer.parseInt(body);
                    max = min;
                } else {
                    min = Integer.parseInt(body.substring(0, comma));
                    max = comma == body.length() - 1 ? UNBOUNDED : Integer.parseInt(body.substring(comma + 1));
                }
                if (min > 10_000 || max > 10_000) {
                    throw unsupported("a repetition count above 10000");
                }
                pos = close + 1;
            } else {
                return atom;
            }
            if (atom instanceof Anchor) {
                throw unsupported("a quantifier on an anchor");
            }
            if (pos < p.length() && p.charAt(pos) == '?') {
                pos++;
            } else if (pos < p.length() && p.charAt(pos) == '+') {
                throw unsupported("a possessive quantifier");
            }
            if (pos < p.length() && (p.charAt(pos) == '*' || p.charAt(pos) == '+' || p.charAt(pos) == '?'
                    || (p.charAt(pos) == '{' && isBound(pos)))) {
                throw unsupported("a quantifier following a quantifier");
            }
            return new Repeat(atom, min, max);
        }

        private boolean isBound(int at) {
            int close = p.indexOf('}', at);
            return close > at && p.substring(at + 1, close).matches("\\d+(,\\d*)?");
        }

        Node atom() {
            char c = p.charAt(pos);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return charClass();
                case '.': {
                    pos++;
                    BitSet set = new BitSet();
                    set.set('\n');
                    set.set('\r');
                    set.set('\u2028');
                    set.set('\u2029');
                    return new CharSet(set, true, "[^\\n\\r\\u2028\\u2029]");
                }
                case '^':
                    pos++;
                    return new Anchor("^", "^");
                case '$':
                    pos++;
                    return new Anchor("$", "$");
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                    throw unsupported("a quantifier with nothing to repeat");
                case '{':
                    if (isBound(pos)) {
                        throw unsupported("a quantifier with nothing to repeat");
                    }
                    throw unsupported("a literal '{' (escape it as \\{)");
                case '}':
                    throw unsupported("a literal '}' (escape it as \\})");
                case ']':
                    throw unsupported("a literal ']' (escape it as \\])");
                default:
                    pos++;
                    return new Literal(c);
            }
        }

        Node group() {
            pos++;
            if (p.startsWith("?:", pos)) {
                pos += 2;
            } else if (p.startsWith("?<", pos) && pos + 2 < p.length() && p.charAt(pos + 2) != '='
                    && p.charAt(pos + 2) != '!') {
                int close = p.indexOf('>', pos);
                if (close < 0 || !p.substring(pos + 2, close).matches("[A-Za-z][A-Za-z0-9]*")) {
                    throw unsupported("a group name other than letters and digits");
                }
                pos = close + 1;
            } else if (pos < p.length() && p.charAt(pos) == '?') {
                throw unsupported("'(?" + (pos + 1 < p.length() ? p.charAt(pos + 1) : "") + "' (lookaround, flags or "
                        + "atomic groups)");
            }
            groups++;
            Node inner = alternation();
            if (pos >= p.length() || p.charAt(pos) != ')') {
                throw unsupported("an unclosed group");
            }
            pos++;
            return new Group(inner);
        }

        Node escape() {
            pos++;
            if (pos >= p.length()) {
                throw unsupported("a trailing backslash");
            }
            char c = p.charAt(pos++);
            switch (c) {
                case 'd':
                case 'D':
                case 'w':
                case 'W':
                case 's':
                case 'S': {
                    BitSet set = classEscape(Character.toLowerCase(c));
                    boolean negated = Character.isUpperCase(c);
                    return new CharSet(set, negated, (negated ? "[^" : "[") + postgresMembers(set) + "]");
                }
                case 'b':
                    return new Anchor("\\b", "\\y");
                case 'B':
                    return new Anchor("\\B", "\\Y");
                default:
                    return new Literal(escapedChar(c));
            }
        }

        /** A single character escape (outside or inside a class), positioned after the escaped character. */
        char escapedChar(char c) {
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'u': {
                    if (pos + 4 <= p.length() && p.substring(pos, pos + 4).matches("[0-9A-Fa-f]{4}")) {
                        char value = (char) Integer.parseInt(p.substring(pos, pos + 4), 16);
                        pos += 4;
                        return value;
                    }
                    throw unsupported("a \\u escape without four hex digits");
                }
                case 'x': {
                    if (pos + 2 <= p.length() && p.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
                        char value = (char) Integer.parseInt(p.substring(pos, pos + 2), 16);
                        pos += 2;
                        return value;
                    }
                    throw unsupported("a \\x escape without two hex digits");
                }
                default:
                    if (Character.isLetterOrDigit(c)) {
                        pos--;
                        throw unsupported("the escape \\" + c);
                    }
                    return c;
            }
        }

        Node charClass() {
            int start = pos;
            pos++;
            boolean negated = false;
            if (pos < p.length() && p.charAt(pos) == '^') {
                negated = true;
                pos++;
            }
            BitSet set = new BitSet();
            boolean postgresOk = true;
            boolean first = true;
            while (true) {
                if (pos >= p.length()) {
                    pos = start;
                    throw unsupported("an unclosed character class");
                }
                char c = p.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    break;
                }
                if (c == ']') {
                    throw unsupported("an empty character class or a leading ']' (escape it as \\])");
                }
                if (c == '[') {
                    throw unsupported("'[' inside a character class (escape it as \\[)");
                }
                if (c == '&' && p.startsWith("&&", pos)) {
                    throw unsupported("a class intersection '&&'");
                }
                first = false;
                char low;
                if (c == '\\') {
                    pos++;
                    if (pos >= p.length()) {
                        throw unsupported("a trailing backslash");
                    }
                    char e = p.charAt(pos++);
                    if ("dwsDWS".indexOf(e) >= 0) {
                        BitSet members = classEscape(Character.toLowerCase(e));
                        if (Character.isUpperCase(e)) {
                            members.flip(0, 0x10000);
                            postgresOk = false;
                        }
                        set.or(members);
                        continue;
                    }
                    if (e == 'b') {
                        throw unsupported("\\b inside a character class");
                    }
                    low = escapedChar(e);
                } else {
                    pos++;
                    low = c;
                }
                if (pos + 1 < p.length() && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
                    pos++;
                    char h = p.charAt(pos);
                    char high;
                    if (h == '\\') {
                        pos++;
                        if (pos >= p.length()) {
                            throw unsupported("a trailing backslash");
                        }
                        char e = p.charAt(pos++);
                        if ("dwsDWSb".indexOf(e) >= 0) {
                            throw unsupported("a class escape as a range bound");
                        }
                        high = escapedChar(e);
                    } else if (h == '[') {
                        throw unsupported("'[' inside a character class (escape it as \\[)");
                    } else {
                        pos++;
                        high = h;
                    }
                    if (high < low) {
                        throw unsupported("a character range out of order");
                    }
                    set.set(low, high + 1);
                } else {
                    set.set(low);
                }
            }
            return new CharSet(set, negated, postgresOk ? (negated ? "[^" : "[") + postgresMembers(set) + "]" : null);
        }

        private static BitSet classEscape(char kind) {
            BitSet set = new BitSet();
            switch (kind) {
                case 'd' -> set.set('0', '9' + 1);
                case 'w' -> {
                    set.set('0', '9' + 1);
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                    set.set('_');
                }
                default -> {
                    for (char c : " \t\n\u000b\f\r".toCharArray()) {
                        set.set(c);
                    }
                }
            }
            return set;
        }

        /** The members of a set as the inside of a PostgreSQL bracket expression, ranges where contiguous. */
        private static String postgresMembers(BitSet set) {
            StringBuilder sb = new StringBuilder();
            int i = set.nextSetBit(0);
            while (i >= 0) {
                int end = set.nextClearBit(i) - 1;
                sb.append(bracketChar((char) i));
                if (end > i + 1) {
                    sb.append('-').append(bracketChar((char) end));
                } else if (end == i + 1) {
                    sb.append(bracketChar((char) end));
                }
                i = set.nextSetBit(end + 1);
            }
            return sb.toString();
        }

        private static String bracketChar(char c) {
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                return String.valueOf(c);
            }
            return String.format("\\u%04x", (int) c);
        }
    }
}
