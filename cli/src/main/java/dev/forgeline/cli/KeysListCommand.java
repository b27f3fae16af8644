package dev.forgeline.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code forgeline keys list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the API keys (never their secrets): id, tenant, name, role, created, last used and, "
                + "for a revoked key, when.")
class KeysListCommand extends GatewayCommand {
    @Override
    public Integer call() {
        JsonNode keys = gateway().getJson("/api/admin/keys").path("keys");
        PrintWriter out = out();
        out.println(ProgressDisplay.pad("id", 37) + ProgressDisplay.pad("tenant", 17) + ProgressDisplay.pad("name", 21)
                + ProgressDisplay.pad("role", 7) + ProgressDisplay.pad("created", 26) + ProgressDisplay.pad("last used", 26)
                + "revoked");
        for (JsonNode k : keys) {
            out.println(ProgressDisplay.pad(k.path("id").asText(), 37) + ProgressDisplay.pad(k.path("tenant").asText(), 17)
                    + ProgressDisplay.pad(k.path("name").asText(), 21) + ProgressDisplay.pad(k.path("role").asText(), 7)
                    + ProgressDisplay.pad(k.path("createdAt").asText("-"), 26)
                    + ProgressDisplay.pad(text(k.path("lastUsedAt")), 26) + text(k.path("revokedAt")));
        }
        out.println(keys.size() + " keys");
        return ExitCodes.OK;
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }
}
