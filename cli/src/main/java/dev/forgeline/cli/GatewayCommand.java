package dev.forgeline.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command against a running gateway ({@code --api} and {@code --token-file}, inherited from {@link Forgeline}, or
 * {@code FORGELINE_TOKEN}), and its output.
 */
abstract class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The gateway client with the token; a URL that is not absolute http(s) or an unreadable token is a usage error. */
    Gateway gateway() {
        // The root, not the parent: commands may be nested (dead-letters list); --api is inherited by all of them.
        Forgeline root = (Forgeline) spec.root().userObject();
        String api = root.api;
        URI uri;
        try {
            uri = new URI(api);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(api, "not an http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--api: '" + api + "' is not a gateway URL ("
                    + e.getReason() + ")");
        }
        try {
            return new Gateway(uri, Credentials.resolve(root.tokenFile, root.environment, root.upKeyFile, uri));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
