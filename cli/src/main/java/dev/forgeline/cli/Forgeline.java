package dev.forgeline.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code forgeline} command: a local stack ({@code up}, {@code demo}) and the client of a running gateway. */
@Command(name = "forgeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns project specs into validated codebases. Commands other than up and demo talk to a "
                + "running gateway (--api, default $FORGELINE_API or http://localhost:8080) with the API key or "
                + "token in $FORGELINE_TOKEN (or --token-file); up and demo print the admin key.",
        subcommands = {UpCommand.class, DemoCommand.class, SubmitCommand.class, WatchCommand.class,
                StatusCommand.class, ListCommand.class, ReplayCommand.class, CancelCommand.class,
                DownloadCommand.class, DeadLettersCommand.class, KeysCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run SUCCEEDED, or the command did what it was asked",
                "1:the run ended FAILED, TIMED_OUT or CANCELLED (or the gateway failed)",
                "2:usage error, rejected spec or another request the gateway refused (403, 404, 429, …)",
                "3:the gateway could not be reached, or refused the token (401: none, unknown, revoked or "
                        + "expired)"})
public class Forgeline implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:FORGELINE_API:-http://localhost:8080}",
            description = "The gateway's base URL (default: $FORGELINE_API or http://localhost:8080); before or "
                    + "after the command.")
    String api;

    // The token itself is never an option: a command line is visible to every user of the machine (ps).
    @Option(names = "--token-file", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Read the API key or token from this file instead of $FORGELINE_TOKEN.")
    Path tokenFile;

    /** The environment the commands read (FORGELINE_TOKEN, FORGELINE_ADMIN_KEY); the process's, or a test's. */
    final Map<String, String> environment;
    /** Where a running {@code forgeline up} keeps its admin key for the CLI on this machine; null: nowhere. */
    final Path upKeyFile;

    Forgeline(Map<String, String> environment, Path upKeyFile) {
        this.environment = Map.copyOf(environment);
        this.upKeyFile = upKeyFile;
    }

    public static void main(String[] args) {
        dev.forgeline.testkit.StderrLogging.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with Forgeline's exit codes for gateway failures. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv(), UpKeyFile.defaultLocation());
    }

    /**
     * Like {@link #commandLine()}, reading {@code environment} instead of the process's environment variables and
     * no key file of a running {@code up}.
     */
    public static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, null);
    }

    static CommandLine commandLine(Map<String, String> environment, Path upKeyFile) {
        CommandLine cli = new CommandLine(new Forgeline(environment, upKeyFile));
        cli.setExecutionExceptionHandler(new GatewayFailureHandler());
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
