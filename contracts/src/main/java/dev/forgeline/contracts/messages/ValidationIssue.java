package dev.forgeline.contracts.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One finding of the validator: where (path, line), which rule, how bad, and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationIssue(String path, Integer line, String rule, Severity severity, String message) {
    public static ValidationIssue error(String path, Integer line, String rule, String message) {
        return new ValidationIssue(path, line, rule, Severity.ERROR, message);
    }

    public static ValidationIssue warning(String path, Integer line, String rule, String message) {
        return new ValidationIssue(path, line, rule, Severity.WARNING, message);
    }
}
