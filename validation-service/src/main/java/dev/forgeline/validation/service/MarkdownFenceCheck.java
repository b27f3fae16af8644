package dev.forgeline.validation.service;

import java.util.List;
import java.util.Set;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/** {@code fence.markdown}: a line starting with a Markdown code fence in a code file (an LLM answer pasted whole). */
final class MarkdownFenceCheck implements FileCheck {
    @Override
    public Set<FileType> fileTypes() {
        return FileType.CODE;
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        String content = file.content();
        int line = 1;
        int count = 0;
        int first = 0;
        int start = 0;
        while (start <= content.length()) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                end = content.length();
            }
            if (content.substring(start, end).stripLeading().startsWith("```")) {
                count++;
                if (first == 0) {
                    first = line;
                }
            }
            line++;
            start = end + 1;
        }
        if (count == 0) {
            return List.of();
        }
        return List.of(ValidationIssue.error(file.path(), first, Rules.FENCE_MARKDOWN,
                "Markdown code fence in a " + FileType.of(file.path()).name().toLowerCase(java.util.Locale.ROOT)
                        + " file (" + count + (count == 1 ? " fence line" : " fence lines")
                        + "): the file must hold only code"));
    }
}
