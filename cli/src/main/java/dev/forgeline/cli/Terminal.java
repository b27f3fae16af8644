package dev.forgeline.cli;

/** Whether stdout is a terminal a progress display can redraw (not a pipe, file or CI log). */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
