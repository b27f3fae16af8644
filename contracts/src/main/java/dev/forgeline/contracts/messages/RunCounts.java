package dev.forgeline.contracts.messages;

/** Module counts of a run: fully validated, partially complete (files but not passed) and failed. */
public record RunCounts(int total, int fullyValidated, int partiallyComplete, int failed) {
}
