package dev.forgeline.validation.service;

import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * One check of one file, applied to the {@link FileType}s it names: replacing a checker (say the bracket-level
 * JavaScript check by a real parser) is registering another implementation in {@link FileChecks}.
 */
public interface FileCheck {

    /** The file types this check runs on. */
    Set<FileType> fileTypes();

    /** The issues found in {@code file}; an empty list when it is fine. Never throws on bad content. */
    List<ValidationIssue> check(GeneratedFile file, CheckContext context);
}
