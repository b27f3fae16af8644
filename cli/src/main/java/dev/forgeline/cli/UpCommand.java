package dev.forgeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.forgeline.testkit.local.LocalForgeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code forgeline up}: Kafka, PostgreSQL and the three services on this machine until Ctrl-C / SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts Kafka, PostgreSQL and the three services here (no Docker) and runs until Ctrl-C or "
                + "SIGTERM, then stops everything it started. FORGELINE_HTTP_PORT sets the gateway's port "
                + "(default 8080); the admin key is $FORGELINE_ADMIN_KEY, or a new one printed at the start.")
class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Forgeline root = (Forgeline) spec.root().userObject();
        LocalForgeline stack = LocalStacks.start(out, root.environment);
        if (root.upKeyFile != null) {
            UpKeyFile.write(root.upKeyFile, stack.adminKey());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping…");
            out.flush();
            if (root.upKeyFile != null) {
                UpKeyFile.delete(root.upKeyFile);
            }
            stack.close();
            stopped.countDown();
        }));
        out.println("Forgeline is up. Ctrl-C stops it.");
        out.println("  orchestrator API  " + stack.apiBase() + "/api/runs   (OpenAPI: " + stack.apiBase() + "/q/openapi)");
        out.println("  web view          " + stack.apiBase() + "/   (sign in with the admin key or another API key)");
        out.println("  Kafka bootstrap   " + stack.bootstrapServers());
        if (root.upKeyFile != null) {
            out.println("  admin key file    " + root.upKeyFile + "   (read by ./forgeline here while up runs, "
                    + "for a gateway on localhost, when FORGELINE_TOKEN is not set)");
        }
        stack.services().forEach(s -> out.println("  " + ProgressDisplay.pad(s.name(), 18) + "http://127.0.0.1:"
                + s.port() + "/q/health   log: " + s.process().logFile()));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
