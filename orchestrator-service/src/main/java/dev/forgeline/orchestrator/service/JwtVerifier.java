package dev.forgeline.orchestrator.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import dev.forgeline.orchestrator.config.AuthConfig;
import dev.forgeline.orchestrator.domain.KeyRequest;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.domain.Role;

/**
 * Checks JWTs of the configured OIDC issuer: signature (JWKS or a configured public key, asymmetric algorithms
 * only), issuer, audience, expiry; maps the tenant claim, the admin group and the subject to a {@link Principal}.
 * Blocking (a JWKS may be fetched): call it off the event loop.
 */
public final class JwtVerifier {
    private static final int CLOCK_SKEW_SECONDS = 30;

    private final JwtConsumer consumer;
    private final String tenantClaim;
    private final String adminGroup;

    private JwtVerifier(JwtConsumer consumer, String tenantClaim, String adminGroup) {
        this.consumer = consumer;
        this.tenantClaim = tenantClaim;
        this.adminGroup = adminGroup;
    }

    /** The verifier for the configured issuer, or null when none is configured; a half configuration fails. */
    public static JwtVerifier of(AuthConfig.Oidc oidc) {
        if (oidc.issuer().isEmpty()) {
            return null;
        }
        String audience = oidc.audience().orElseThrow(() -> new IllegalStateException(
                "forgeline.auth.oidc.audience (FORGELINE_AUTH_OIDC_AUDIENCE) is required when an OIDC issuer is set"));
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuer(oidc.issuer().get())
                .setExpectedAudience(audience)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        if (oidc.jwksUrl().isPresent()) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(oidc.jwksUrl().get())));
        } else if (oidc.publicKeyLocation().isPresent()) {
            builder.setVerificationKey(readPublicKey(oidc.publicKeyLocation().get()));
        } else {
            throw new IllegalStateException("forgeline.auth.oidc.jwks-url (FORGELINE_AUTH_OIDC_JWKS_URL) or "
                    + "forgeline.auth.oidc.public-key-location is required when an OIDC issuer is set");
        }
        return new JwtVerifier(builder.build(), oidc.tenantClaim(), oidc.adminGroup());
    }

    /** Whether the token has the shape of a JWS (three dot-separated parts). */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The caller the token stands for, or null when it is refused for any reason (never said which). */
    public Principal verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String tenant = claims.getClaimValueAsString(tenantClaim);
            if (!KeyRequest.validTenant(tenant)) {
                return null;
            }
            String subject = claims.getSubject();
            if (!KeyRequest.validName(subject)) {
                return null;
            }
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            return new Principal(tenant, subject, groups.contains(adminGroup) ? Role.ADMIN : Role.USER);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return null;
        }
    }

    private static PublicKey readPublicKey(String location) {
        String pem;
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = JwtVerifier.class.getClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalStateException("forgeline.auth.oidc.public-key-location: no resource "
                                + location);
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            } else {
                pem = Files.readString(Path.of(location), StandardCharsets.US_ASCII);
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
            try {
                return KeyFactory.getInstance("RSA").generatePublic(spec);
            } catch (GeneralSecurityException notRsa) {
                return KeyFactory.getInstance("EC").generatePublic(spec);
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("forgeline.auth.oidc.public-key-location: cannot read a PEM public key "
                    + "from " + location + ": " + e.getMessage(), e);
        }
    }
}
