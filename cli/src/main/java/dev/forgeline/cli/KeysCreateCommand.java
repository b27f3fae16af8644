package dev.forgeline.cli;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forgeline keys create --tenant T --name N [--role user|admin]}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates an API key and prints it once: the gateway keeps only its hash, so store it now. "
                + "Prints the key alone on the first line (for scripts), then its id, tenant, name and role.")
class KeysCreateCommand extends GatewayCommand {
    /** A key's role: what the gateway lets it do. */
    enum Role { user, admin }

    @Option(names = "--tenant", required = true, paramLabel = "T",
            description = "The tenant the key belongs to (a-z, 0-9 and -, 2-40 characters, starting with a letter).")
    String tenant;

    @Option(names = "--name", required = true, paramLabel = "N",
            description = "A name for the key (1-64 characters), shown in lists and in the runs' audit.")
    String name;

    @Option(names = "--role", defaultValue = "user", paramLabel = "R",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Role role;

    @Override
    public Integer call() {
        JsonNode key = gateway().postJson("/api/admin/keys",
                Json.write(Map.of("tenant", tenant, "name", name, "role", role.name())).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), Map.of());
        out().println(key.path("key").asText());
        out().println("id " + key.path("id").asText() + "  tenant " + key.path("tenant").asText() + "  name "
                + key.path("name").asText() + "  role " + key.path("role").asText());
        err().println("The key is shown only this once; the gateway stores its hash.");
        return ExitCodes.OK;
    }
}
