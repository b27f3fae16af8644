package dev.forgeline.orchestrator.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authentication (issue 15): the bootstrap admin key, the paths open without a token, and an optional OIDC issuer. */
@ConfigMapping(prefix = "forgeline.auth")
public interface AuthConfig {
    /** False opens everything as tenant {@code admin} (for a gateway of your own in front); warned at start. */
    @WithDefault("true")
    boolean enabled();

    /** The bootstrap admin key (env FORGELINE_ADMIN_KEY), at least 20 characters; never logged. */
    Optional<String> adminKey();

    /**
     * Paths served without a token: {@code /path}, {@code /prefix/*}, optionally preceded by a method
     * ({@code GET /api/auth/config}).
     */
    @WithDefault("/q/*,/,/index.html,/run.html,/submit.html,/assets/*,GET /api/auth/config,POST /api/session,"
            + "DELETE /api/session")
    List<String> openPaths();

    Oidc oidc();

    /** An OIDC issuer whose JWTs are accepted: off unless {@code issuer} is set. */
    interface Oidc {
        /** The {@code iss} every token must carry. */
        Optional<String> issuer();

        /** The {@code aud} every token must carry (required when an issuer is set). */
        Optional<String> audience();

        /** The issuer's JWKS, fetched and cached (re-fetched when a token names an unknown key id). */
        Optional<String> jwksUrl();

        /** Instead of a JWKS: a PEM public key (file path, or {@code classpath:}). */
        Optional<String> publicKeyLocation();

        /** The claim naming the caller's tenant. */
        @WithDefault("tenant")
        String tenantClaim();

        /** Members of this group (claim {@code groups}) are admins. */
        @WithDefault("forgeline-admin")
        String adminGroup();

        /** The client id the web view signs in with (shown by {@code GET /api/auth/config}). */
        Optional<String> clientId();
    }
}
