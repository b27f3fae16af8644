package dev.forgeline.orchestrator.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.forgeline.orchestrator.config.AuthConfig;

/** {@code GET /api/auth/config} (open): whether the web view may offer signing in with an OIDC issuer. */
@Path("/api/auth/config")
public class AuthConfigResource {
    private final AuthConfig config;

    AuthConfigResource(AuthConfig config) {
        this.config = config;
    }

    /** The sign-in options; {@code oidc} is null when no issuer is configured. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AuthOptions(Oidc oidc) {
    }

    /** The issuer and the client id the web view signs in with. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Oidc(String issuer, String clientId) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuthOptions options() {
        AuthConfig.Oidc oidc = config.oidc();
        return new AuthOptions(oidc.issuer().isEmpty() ? null
                : new Oidc(oidc.issuer().get(), oidc.clientId().orElse(null)));
    }
}
