package dev.forgeline.contracts.messages;

/** A file of a run's final file set, with the module that wrote it. */
public record RunFile(String module, String path, String content, String sha256) {
}
