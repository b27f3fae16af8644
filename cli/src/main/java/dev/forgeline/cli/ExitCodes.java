package dev.forgeline.cli;

import dev.forgeline.contracts.messages.RunStatus;

/** The documented exit codes of {@code forgeline} (docs/operations.md). */
public final class ExitCodes {
    /** The run SUCCEEDED, or the command did what it was asked. */
    public static final int OK = 0;
    /** The run ended FAILED, TIMED_OUT or CANCELLED (or the gateway failed the request). */
    public static final int RUN_FAILED = 1;
    /** Bad usage, a rejected spec or another request the gateway refused (4xx other than 401). */
    public static final int USAGE = 2;
    /** The gateway could not be reached. */
    public static final int UNREACHABLE = 3;
    /** The gateway refused the token (401); the same code as unreachable: the gateway cannot be used as it is. */
    public static final int TOKEN_REFUSED = 3;

    private ExitCodes() {
    }

    /** 0 for a run that succeeded or is still going, 1 for one that ended otherwise. */
    public static int of(RunStatus status) {
        return status.isTerminal() && status != RunStatus.SUCCEEDED ? RUN_FAILED : OK;
    }
}
