package dev.forgeline.cli;

import java.util.UUID;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code forgeline keys revoke ID}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revokes an API key at once (idempotent); requests with it are then refused (401). Exits 2 "
                + "when no key has that id.")
class KeysRevokeCommand extends GatewayCommand {
    @Parameters(paramLabel = "ID", description = "The key's id, as keys list and keys create print it.",
            converter = KeyIds.class)
    UUID id;

    @Override
    public Integer call() {
        gateway().delete("/api/admin/keys/" + id);
        out().println("key " + id + " revoked");
        return ExitCodes.OK;
    }

    /** A key id is a UUID; anything else is a usage error before any request. */
    static final class KeyIds implements picocli.CommandLine.ITypeConverter<UUID> {
        @Override
        public UUID convert(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a key id (a UUID, as keys list prints it)");
            }
        }
    }
}
