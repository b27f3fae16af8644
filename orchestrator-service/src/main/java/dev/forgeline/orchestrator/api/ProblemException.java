package dev.forgeline.orchestrator.api;

import java.util.List;

import dev.forgeline.contracts.spec.SpecViolation;

/** A request that cannot be served, answered as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<SpecViolation> violations;

    public ProblemException(int status, String title, String detail, List<SpecViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException badRequest(String detail, List<SpecViolation> violations) {
        return new ProblemException(400, "Invalid request", detail, violations);
    }

    public static ProblemException badRequest(String path, String rule, String message) {
        return badRequest(path + ": " + message, List.of(new SpecViolation(path, rule, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<SpecViolation> violations() {
        return violations;
    }
}
