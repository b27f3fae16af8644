package dev.forgeline.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code forgeline keys create|list|revoke}: the gateway's API keys (admin). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes API keys; needs an admin key in $FORGELINE_TOKEN. A key belongs "
                + "to a tenant and sees only that tenant's runs; an admin key sees everything.",
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
