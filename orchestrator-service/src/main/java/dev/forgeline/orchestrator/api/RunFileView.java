package dev.forgeline.orchestrator.api;

/** One file of a run, without its content: where it is, which module wrote it, its size and digest. */
public record RunFileView(String path, String module, int sizeBytes, String sha256) {
}
