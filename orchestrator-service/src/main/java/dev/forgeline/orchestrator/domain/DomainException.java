package dev.forgeline.orchestrator.domain;

import java.util.List;

import dev.forgeline.contracts.spec.SpecViolation;

/** A request the domain refuses; the API maps each kind to its problem+json status. */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.Invalid,
        DomainException.TooLarge, DomainException.OverQuota {

    DomainException(String message) {
        super(message);
    }

    /** The thing asked for does not exist. */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request contradicts the current state. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The input breaks rules, each named by its path. */
    public static final class Invalid extends DomainException {
        private final List<SpecViolation> violations;

        public Invalid(String message, List<SpecViolation> violations) {
            super(message);
            this.violations = List.copyOf(violations);
        }

        public Invalid(String path, String rule, String message) {
            this(path + ": " + message, List.of(new SpecViolation(path, rule, message)));
        }

        public List<SpecViolation> violations() {
            return violations;
        }
    }

    /** The input is over a size limit; the message names the limit. */
    public static final class TooLarge extends DomainException {
        private final List<SpecViolation> violations;

        public TooLarge(SpecViolation violation) {
            super(violation.message());
            this.violations = List.of(violation);
        }

        public List<SpecViolation> violations() {
            return violations;
        }
    }

    /** A tenant's quota is used up: nothing was stored; a retry after {@code retryAfterSeconds} may pass. */
    public static final class OverQuota extends DomainException {
        private final long retryAfterSeconds;

        public OverQuota(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
