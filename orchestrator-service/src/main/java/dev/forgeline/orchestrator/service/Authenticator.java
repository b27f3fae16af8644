package dev.forgeline.orchestrator.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.config.AuthConfig;
import dev.forgeline.orchestrator.domain.ApiKeyTokens;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.domain.Role;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Turns a bearer token into a caller: the bootstrap admin key, a Forgeline API key, or a JWT of the configured OIDC
 * issuer. Refusals carry no reason, so a caller cannot tell an unknown token from a revoked or expired one.
 */
@ApplicationScoped
public class Authenticator {
    static final int MIN_ADMIN_KEY = 20;
    private static final int MAX_TOKEN = 8192;
    private static final Principal BOOTSTRAP_ADMIN = new Principal(Principal.ADMIN_TENANT, "admin", Role.ADMIN);

    private final AuthConfig config;
    private final KeyService keys;
    private final byte[] adminKeyHash;
    private final JwtVerifier jwt;

    Authenticator(AuthConfig config, KeyService keys) {
        this.config = config;
        this.keys = keys;
        String adminKey = config.adminKey().orElse(null);
        if (adminKey != null && adminKey.length() < MIN_ADMIN_KEY) {
            throw new IllegalStateException("FORGELINE_ADMIN_KEY (forgeline.auth.admin-key) must be at least "
                    + MIN_ADMIN_KEY + " characters");
        }
        this.adminKeyHash = adminKey == null ? null : sha256(adminKey);
        this.jwt = JwtVerifier.of(config.oidc());
        if (!config.enabled()) {
            Log.warn("authentication is DISABLED (forgeline.auth.enabled=false): every caller is an admin of tenant "
                    + "'admin'; only run this behind a gateway that authenticates");
        } else if (adminKey == null) {
            Log.info("no bootstrap admin key (FORGELINE_ADMIN_KEY) configured");
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether JWTs of an OIDC issuer are accepted. */
    public boolean oidcEnabled() {
        return jwt != null;
    }

    /** The caller the token stands for, or null (refused). */
    public Uni<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Uni.createFrom().nullItem();
        }
        if (adminKeyHash != null && MessageDigest.isEqual(adminKeyHash, sha256(token))) {
            return Uni.createFrom().item(BOOTSTRAP_ADMIN);
        }
        if (ApiKeyTokens.looksLikeKey(token)) {
            return keys.authenticate(token);
        }
        if (jwt != null && JwtVerifier.looksLikeJwt(token)) {
            return Uni.createFrom().item(() -> jwt.verify(token)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().nullItem();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
