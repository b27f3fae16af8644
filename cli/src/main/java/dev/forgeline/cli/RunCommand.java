package dev.forgeline.cli;

import java.util.UUID;

import picocli.CommandLine.Parameters;

/** A command about one run: its RUN argument, a run id checked before any request. */
abstract class RunCommand extends GatewayCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.", converter = RunIds.class)
    UUID run;
}
