package dev.forgeline.cli;

import picocli.CommandLine.Command;

/** {@code forgeline watch RUN}: the run's progress over SSE until it ends. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follows a run's events (SSE) until it ends: a line per module and an overall bar on a "
                + "terminal, one line per event otherwise. The exit code is the run's.")
class WatchCommand extends RunCommand {
    @Override
    public Integer call() {
        return RunWatcher.exitCode(new RunWatcher(gateway(), out(),
                Terminal.isInteractive()).watch(run.toString()));
    }
}
