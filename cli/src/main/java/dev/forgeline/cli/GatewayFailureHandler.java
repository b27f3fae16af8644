package dev.forgeline.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into a one-line message and the documented exit code; no stack traces for people. */
final class GatewayFailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof GatewayUnreachableException) {
            err.println("forgeline: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof TokenRefusedException) {
            err.println("forgeline: " + e.getMessage());
            return ExitCodes.TOKEN_REFUSED;
        }
        if (e instanceof GatewayException g) {
            err.println("forgeline: " + g.getMessage());
            if (g.problem() != null && g.problem().path("violations").size() > 0) {
                RunSummary.printProblem(err, g.problem());
            }
            return g.status() >= 400 && g.status() < 500 ? ExitCodes.USAGE : ExitCodes.RUN_FAILED;
        }
        if (e instanceof CommandLine.ParameterException p) {
            err.println("forgeline: " + p.getMessage());
            p.getCommandLine().usage(err);
            return ExitCodes.USAGE;
        }
        err.println("forgeline: " + e.getMessage());
        return ExitCodes.RUN_FAILED;
    }
}
