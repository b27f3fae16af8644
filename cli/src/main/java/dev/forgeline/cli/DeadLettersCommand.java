package dev.forgeline.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code forgeline dead-letters list|replay}: the records on the {@code .dlq} topics. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Lists the records on the dead-letter topics (<topic>.dlq) and re-publishes them to their "
                + "source topic, each once.",
        subcommands = {DeadLettersListCommand.class, DeadLettersReplayCommand.class})
class DeadLettersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
