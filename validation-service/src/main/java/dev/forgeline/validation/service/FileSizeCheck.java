package dev.forgeline.validation.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/** {@code file.size}: a file over {@link SizeLimits#MAX_FILE_BYTES} (UTF-8 bytes). */
final class FileSizeCheck implements FileCheck {
    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.allOf(FileType.class);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        int size = file.sizeBytes();
        if (size <= SizeLimits.MAX_FILE_BYTES) {
            return List.of();
        }
        return List.of(ValidationIssue.error(file.path(), null, Rules.FILE_SIZE,
                "file is " + size + " bytes, over the limit of " + SizeLimits.MAX_FILE_BYTES));
    }
}
