package dev.forgeline.stacks.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Escapes values into JavaScript, JSON and SQL literals for the templates (the templates never escape anything). */
public final class Literals {
    private Literals() {
    }

    /** A single-quoted JavaScript string literal. */
    public static String js(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }

    /** A JavaScript array literal of strings: {@code ['A', 'B']}. */
    public static String jsArray(List<String> values) {
        return values.stream().map(Literals::js).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A double-quoted JSON string literal. */
    public static String json(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A single-quoted SQL string literal. */
    public static String sql(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A number as plain text: {@code 1.0} → {@code 1}, {@code 0.5} → {@code 0.5}, never exponent notation. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Text safe inside a single line of prose (README, comments): no line breaks, no comment terminators. */
    public static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").replace("*/", "* /").strip();
    }
}
