package dev.forgeline.contracts.spec;

/** One reason a spec was rejected: where ({@code entities[1].relations[0].target}), which rule, and why. */
public record SpecViolation(String path, String rule, String message) {
}
