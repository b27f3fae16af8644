package dev.forgeline.worker.service.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins a cut-off answer ({@code finish_reason=length}) and its continuation. Models asked to continue often repeat
 * the last few lines, or reopen the code fence they were in; both are removed so the joined text reads as one answer.
 */
final class Continuations {
    private static final int MAX_OVERLAP = 600;
    private static final int MIN_OVERLAP = 12;
    private static final Pattern FENCE_LINE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`]*)$", Pattern.MULTILINE);

    private Continuations() {
    }

    static String join(String previous, String next) {
        if (previous == null || previous.isEmpty()) {
            return next == null ? "" : next;
        }
        if (next == null || next.isEmpty()) {
            return previous;
        }
        String rest = next;
        if (insideFence(previous)) {
            // "```js\n…" at the start of a continuation reopens the block the answer was cut in.
            Matcher first = FENCE_LINE.matcher(rest);
            if (first.lookingAt() && !first.group(2).isBlank()) {
                int eol = rest.indexOf('\n');
                rest = eol < 0 ? "" : rest.substring(eol + 1);
            }
        }
        int max = Math.min(MAX_OVERLAP, Math.min(previous.length(), rest.length()));
        for (int k = max; k >= MIN_OVERLAP; k--) {
            if (previous.endsWith(rest.substring(0, k))) {
                return previous + rest.substring(k);
            }
        }
        return previous + rest;
    }

    /** Whether the text ends inside an open fenced block. */
    static boolean insideFence(String text) {
        Matcher m = FENCE_LINE.matcher(text);
        String open = null;
        while (m.find()) {
            String fence = m.group(1);
            if (open == null) {
                open = fence;
            } else if (m.group(2).isBlank() && fence.charAt(0) == open.charAt(0) && fence.length() >= open.length()) {
                open = null;
            }
        }
        return open != null;
    }
}
