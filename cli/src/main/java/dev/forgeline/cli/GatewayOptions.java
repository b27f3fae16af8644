package dev.forgeline.cli;

import java.net.URI;
import java.net.URISyntaxException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --api}: where the gateway is (default http://localhost:8080, or FORGELINE_API). */
public class GatewayOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "URL", defaultValue = "${env:FORGELINE_API:-http://localhost:8080}",
            description = "The gateway's base URL (default: $FORGELINE_API or http://localhost:8080).")
    String api;

    /** The gateway client; a URL that is not absolute http(s) is a usage error. */
    public Gateway gateway() {
        try {
            URI uri = new URI(api);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(api, "not an http or https URL with a host");
            }
            return new Gateway(uri);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--api: '" + api + "' is not a gateway URL ("
                    + e.getReason() + ")");
        }
    }
}
