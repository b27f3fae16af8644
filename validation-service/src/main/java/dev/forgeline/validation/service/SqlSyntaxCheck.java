package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code sql.syntax}: a migration is split into statements ({@link SqlScript}) and each is parsed by JSqlParser, one
 * parser per statement, so an error carries the file's line. PostgreSQL statements JSqlParser has no grammar for
 * ({@link PostgresStatements}: CREATE EXTENSION, CREATE TYPE … AS ENUM, DO blocks, functions, triggers, transaction
 * control) are checked against their own small grammar instead; bodies in dollar quotes are PL/pgSQL and not parsed.
 */
final class SqlSyntaxCheck implements FileCheck {
    /** Every statement error is reported, up to this many per file. */
    static final int MAX_ERRORS = 20;

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.SQL);
    }

    /** What is wrong with one statement: the line within it (0 = its first) and the message. */
    record Problem(int lineOffset, String message) {
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        SqlScript.Split split = SqlScript.split(file.content());
        List<ValidationIssue> issues = new ArrayList<>();
        for (SqlScript.Statement statement : split.statements()) {
            if (issues.size() >= MAX_ERRORS) {
                break;
            }
            Problem problem = problem(statement.text());
            if (problem != null) {
                issues.add(ValidationIssue.error(file.path(), statement.line() + problem.lineOffset(),
                        Rules.SQL_SYNTAX, "statement '" + head(statement.text()) + "': " + problem.message()));
            }
        }
        if (split.error() != null) {
            issues.add(ValidationIssue.error(file.path(), split.errorLine(), Rules.SQL_SYNTAX, split.error()));
        }
        return issues;
    }

    /** Null when the statement is valid. */
    static Problem problem(String statement) {
        PostgresStatements.Kind kind = PostgresStatements.kindOf(statement);
        if (kind != null) {
            return kind.matches(statement) ? null
                    : new Problem(0, "malformed " + kind.label() + " (expected " + kind.expected() + ")");
        }
        if (parse(statement, false) == null) {
            return null;
        }
        Object failure = parse(statement, true);
        if (failure == null) {
            return null;
        }
        if (failure instanceof ParseException e) {
            Token at = e.currentToken == null ? null : e.currentToken.next;
            int offset = at == null ? 0 : Math.max(0, at.beginLine - 1);
            String found = at == null || at.kind == CCJSqlParserConstants.EOF ? "the end of the statement"
                    : "'" + at.image + "'";
            return new Problem(offset, "unexpected " + found + " (JSqlParser, PostgreSQL dialect)");
        }
        return new Problem(0, "does not parse: " + failure);
    }

    /** Null when the statement parses whole; else the ParseException, or the message of a lexical failure. */
    private static Object parse(String statement, boolean complexParsing) {
        try {
            CCJSqlParser parser = new CCJSqlParser(new StringProvider(statement))
                    .withAllowComplexParsing(complexParsing).withSquareBracketQuotation(false)
                    .withUnsupportedStatements(false);
            parser.Statement();
            Token next = parser.getNextToken();
            if (next != null && next.kind != CCJSqlParserConstants.EOF) {
                ParseException trailing = new ParseException("trailing tokens");
                trailing.currentToken = new Token();
                trailing.currentToken.next = next;
                return trailing;
            }
            return null;
        } catch (ParseException e) {
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    private static String head(String statement) {
        String words = statement.strip().replaceAll("\\s+", " ");
        return words.length() > 50 ? words.substring(0, 50) + "…" : words;
    }
}
