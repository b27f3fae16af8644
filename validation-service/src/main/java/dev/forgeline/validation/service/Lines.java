package dev.forgeline.validation.service;

/** Line arithmetic on file contents (1-based lines). */
final class Lines {
    private Lines() {
    }

    /** The 1-based line of a character offset. */
    static int lineAt(String content, int offset) {
        int line = 1;
        int end = Math.min(offset, content.length());
        for (int i = 0; i < end; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
