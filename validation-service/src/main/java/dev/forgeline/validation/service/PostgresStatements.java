package dev.forgeline.validation.service;

import java.util.regex.Pattern;

/**
 * PostgreSQL statements JSqlParser 5.x has no grammar for, each with its own small grammar (whitespace-insensitive,
 * case-insensitive). A statement is of a kind when its leading keywords say so; it is valid when the whole statement
 * matches. Dollar-quoted bodies (DO blocks, functions) are PL/pgSQL and are checked only for being closed.
 */
final class PostgresStatements {
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)";
    private static final String QUALIFIED = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?";
    private static final String STRING = "'(?:[^']|'')*'";
    private static final String DOLLAR_BODY = "(\\$[a-z_0-9]*\\$).*\\1";

    /** A statement kind with its leading keywords and its grammar. */
    enum Kind {
        CREATE_EXTENSION("CREATE EXTENSION", "CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]",
                "create\\s+extension\\b",
                "create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?" + IDENT + "(?:\\s+with)?(?:\\s+schema\\s+" + IDENT
                        + ")?(?:\\s+version\\s+(?:" + STRING + "|" + IDENT + "))?(?:\\s+cascade)?"),
        CREATE_ENUM("CREATE TYPE … AS ENUM", "CREATE TYPE name AS ENUM ('label', …)",
                "create\\s+type\\s+" + QUALIFIED + "\\s+as\\s+enum\\b",
                "create\\s+type\\s+" + QUALIFIED + "\\s+as\\s+enum\\s*\\(\\s*(?:" + STRING + "(?:\\s*,\\s*" + STRING
                        + ")*)?\\s*\\)"),
        DO_BLOCK("DO block", "DO [LANGUAGE l] $$ … $$ [LANGUAGE l]",
                "do\\b",
                "do\\s+(?:language\\s+" + IDENT + "\\s+)?" + DOLLAR_BODY + "(?:\\s+language\\s+" + IDENT + ")?"),
        CREATE_FUNCTION("CREATE FUNCTION/PROCEDURE", "CREATE [OR REPLACE] FUNCTION name(args) … AS $$ … $$ … LANGUAGE l",
                "create\\s+(?:or\\s+replace\\s+)?(?:function|procedure)\\b",
                "create\\s+(?:or\\s+replace\\s+)?(?:function|procedure)\\s+" + QUALIFIED + "\\s*\\([^;]*?\\)"
                        + "(?=.*\\blanguage\\s+" + IDENT + ").*?\\bas\\s+" + DOLLAR_BODY + ".*"),
        CREATE_TRIGGER("CREATE TRIGGER", "CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name BEFORE|AFTER|INSTEAD OF events"
                + " ON table … EXECUTE FUNCTION|PROCEDURE f(args)",
                "create\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?trigger\\b",
                "create\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?trigger\\s+" + IDENT
                        + "\\s+(?:before|after|instead\\s+of)\\s+.+?\\s+on\\s+" + QUALIFIED
                        + ".*?\\s+execute\\s+(?:function|procedure)\\s+" + QUALIFIED + "\\s*\\([^)]*\\)"),
        TRANSACTION("transaction control", "BEGIN | START TRANSACTION | COMMIT | ROLLBACK | END [WORK|TRANSACTION]",
                "(?:begin|start\\s+transaction|commit|rollback|end)\\b",
                "(?:begin|start\\s+transaction|commit|rollback|end)(?:\\s+(?:work|transaction))?"
                        + "(?:\\s+isolation\\s+level\\s+[a-z ]+)?");

        private final String label;
        private final String expected;
        private final Pattern leading;
        private final Pattern grammar;

        Kind(String label, String expected, String leading, String grammar) {
            this.label = label;
            this.expected = expected;
            int flags = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
            this.leading = Pattern.compile("^\\s*" + leading, flags);
            this.grammar = Pattern.compile("^\\s*" + grammar + "\\s*$", flags);
        }

        String label() {
            return label;
        }

        String expected() {
            return expected;
        }

        boolean matches(String statement) {
            return grammar.matcher(statement).matches();
        }
    }

    private PostgresStatements() {
    }

    /** The kind a statement is of, or null when JSqlParser is to parse it. */
    static Kind kindOf(String statement) {
        for (Kind kind : Kind.values()) {
            if (kind.leading.matcher(statement).lookingAt()) {
                return kind;
            }
        }
        return null;
    }
}
