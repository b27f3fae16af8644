package dev.forgeline.stacks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Name conversions shared by plans and templates: PascalCase entity names to file, table and column names. */
public final class Names {
    /** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1). */
    public static final int MAX_SQL_IDENTIFIER = 63;

    private Names() {
    }

    /**
     * The name itself when PostgreSQL keeps it whole, else its first 54 characters, '_' and 8 hex digits of its
     * SHA-256: PostgreSQL would silently truncate a longer name, and two truncated names could collide.
     */
    public static String sqlIdentifier(String name) {
        if (name.length() <= MAX_SQL_IDENTIFIER) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_SQL_IDENTIFIER - 9) + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The table of an entity: plural snake case, e.g. {@code OrderItem} → {@code order_items}. */
    public static String table(String entity) {
        return sqlIdentifier(plural(snake(entity)));
    }

    /** The column of a scalar field: snake case, e.g. {@code dueAt} → {@code due_at}. */
    public static String column(String field) {
        return sqlIdentifier(snake(field));
    }

    /** The foreign-key column of a reference: {@code owner} → {@code owner_id}. */
    public static String referenceColumn(String relation) {
        return sqlIdentifier(snake(relation) + "_id");
    }

    /** {@code OrderItem} → {@code orderItem}. */
    public static String lowerCamel(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code OrderItem} or {@code orderItem} → {@code order_item}. */
    public static String snake(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1))
                        || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))))) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A simple English plural for table and route names: {@code category} → {@code categories}. */
    public static String plural(String word) {
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }
}
