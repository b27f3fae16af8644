package dev.forgeline.contracts.messages;

/** How much a validation issue weighs: an ERROR fails the module, a WARNING is reported only. */
public enum Severity {
    ERROR, WARNING
}
