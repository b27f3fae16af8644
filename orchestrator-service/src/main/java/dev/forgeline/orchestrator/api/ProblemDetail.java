package dev.forgeline.orchestrator.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.forgeline.contracts.spec.SpecViolation;

/** An RFC 9457 problem document; {@code violations} names each offending path and rule. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
        List<SpecViolation> violations) {
}
