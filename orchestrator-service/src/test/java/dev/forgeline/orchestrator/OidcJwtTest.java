package dev.forgeline.orchestrator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpServer;

import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * JWTs of an OIDC issuer (issue 15): an issuer made up by the test (RSA keys generated here, its JWKS served over
 * HTTP) signs tokens; valid ones are accepted, tampered, foreign-signed, expired and mis-addressed ones refused.
 */
@QuarkusTest
@TestProfile(OidcJwtTest.TestIssuer.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcJwtTest extends DownstreamTest {
    static final String ISSUER = "https://issuer.forgeline.test";
    static final String AUDIENCE = "forgeline-gateway";
    static final RsaJsonWebKey ISSUER_KEY = generate("issuer-key-1");
    static final RsaJsonWebKey OTHER_KEY = generate("issuer-key-1");
    private static HttpServer jwks;

    /** Starts the issuer's JWKS endpoint and points the gateway at it. */
    public static class TestIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forgeline.auth.oidc.issuer", ISSUER,
                    "forgeline.auth.oidc.audience", AUDIENCE,
                    "forgeline.auth.oidc.jwks-url", "http://localhost:" + jwksPort() + "/jwks",
                    "forgeline.auth.oidc.client-id", "forgeline-web");
        }
    }

    static synchronized int jwksPort() {
        if (jwks == null) {
            try {
                jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            byte[] body = new JsonWebKeySet(ISSUER_KEY).toJson().getBytes(StandardCharsets.UTF_8);
            jwks.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            jwks.setExecutor(null);
            jwks.start();
        }
        return jwks.getAddress().getPort();
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void noDefaultToken() {
        TestAuth.sendNothingByDefault();
    }

    static JwtClaims claims(String tenant, String subject, List<String> groups) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setAudience(AUDIENCE);
        c.setSubject(subject);
        c.setExpirationTimeMinutesInTheFuture(10);
        c.setIssuedAtToNow();
        c.setClaim("tenant", tenant);
        if (groups != null) {
            c.setStringListClaim("groups", groups);
        }
        return c;
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath whoami(String token, int status) {
        return given().header("Authorization", "Bearer " + token).get("/api/whoami").then().statusCode(status)
                .extract().jsonPath();
    }

    @Test
    void aTokenOfTheIssuerIsAcceptedWithItsTenantSubjectAndRole() {
        JsonPath me = whoami(sign(claims("team-jwt", "alice@example.com", null), ISSUER_KEY), 200);
        assertThat(me.getString("tenant")).isEqualTo("team-jwt");
        assertThat(me.getString("name")).isEqualTo("alice@example.com");
        assertThat(me.getString("role")).isEqualTo("user");
        JsonPath admin = whoami(sign(claims("ops", "root", List.of("dev", "forgeline-admin")), ISSUER_KEY), 200);
        assertThat(admin.getString("role")).isEqualTo("admin");

        String token = sign(claims("team-jwt", "alice@example.com", null), ISSUER_KEY);
        String id = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(202).extract().path("id");
        JsonPath run = given().header("Authorization", "Bearer " + token).get("/api/runs/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(run.getString("submittedBy.keyName")).isEqualTo("alice@example.com");
        given().header("Authorization", "Bearer " + sign(claims("team-other", "bob", null), ISSUER_KEY))
                .get("/api/runs/" + id).then().statusCode(404);
    }

    @Test
    void aChangedPayloadIsRefused() {
        String token = sign(claims("team-jwt", "alice", null), ISSUER_KEY);
        String[] parts = token.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("team-jwt", "team-bob");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        whoami(tampered, 401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        whoami(sign(claims("team-jwt", "alice", null), OTHER_KEY), 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        JwtClaims c = claims("team-jwt", "alice", null);
        c.setExpirationTimeMinutesInTheFuture(-5);
        whoami(sign(c, ISSUER_KEY), 401);
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() {
        JwtClaims audience = claims("team-jwt", "alice", null);
        audience.setAudience("another-service");
        whoami(sign(audience, ISSUER_KEY), 401);
        JwtClaims issuer = claims("team-jwt", "alice", null);
        issuer.setIssuer("https://evil.example");
        whoami(sign(issuer, ISSUER_KEY), 401);
    }

    @Test
    void anUnsignedTokenOrOneWithoutAValidTenantIsRefused() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims("team-jwt", "alice", null).toJson().getBytes(StandardCharsets.UTF_8));
        whoami(Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(
                StandardCharsets.UTF_8)) + "." + payload + ".", 401);
        whoami(sign(claims("Not A Tenant", "alice", null), ISSUER_KEY), 401);
        JwtClaims noTenant = claims("team-jwt", "alice", null);
        noTenant.unsetClaim("tenant");
        whoami(sign(noTenant, ISSUER_KEY), 401);
    }

    @Test
    void theWebViewLearnsTheIssuerAndAJwtOpensASession() {
        JsonPath config = given().get("/api/auth/config").then().statusCode(200).extract().jsonPath();
        assertThat(config.getString("oidc.issuer")).isEqualTo(ISSUER);
        assertThat(config.getString("oidc.clientId")).isEqualTo("forgeline-web");
        String token = sign(claims("team-jwt", "carol", null), ISSUER_KEY);
        var session = given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .post("/api/session").then().statusCode(204).extract().detailedCookie("forgeline_session");
        assertThat(given().cookie(session).get("/api/whoami").then().statusCode(200).extract().path("name")
                .toString()).isEqualTo("carol");
    }
}
