package dev.forgeline.contracts.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A file a module must produce: its path, whether it is critical, and the stack template (and entity) behind it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedFile(String path, boolean critical, String template, String entity) {
}
