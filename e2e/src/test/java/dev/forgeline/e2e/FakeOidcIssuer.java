package dev.forgeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.forgeline.contracts.Json;

/**
 * An OpenID Connect issuer for the browser test: discovery, an authorization endpoint that signs the user in at once
 * (no consent page) and sends the browser back with a code, a token endpoint that checks the PKCE verifier against
 * the challenge and answers with RS256 JWTs from a key pair made here, and the JWKS with its public key. CORS is
 * open on discovery and token, as a real issuer is for a public client.
 */
final class FakeOidcIssuer implements AutoCloseable {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String clientId;
    private final Map<String, String> claims;
    /** code → [code_challenge, redirect_uri]. */
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    /** What happened, in order: "authorize S256", "token ok", "token refused: …". */
    final List<String> log = new CopyOnWriteArrayList<>();

    /** An issuer on a free port that signs in a user with these claims (sub, tenant, …) for {@code clientId}. */
    FakeOidcIssuer(String clientId, Map<String, String> claims) {
        this.clientId = clientId;
        this.claims = Map.copyOf(claims);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", ex -> json(ex, 200, Map.of("issuer", issuer(),
                "authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
                "jwks_uri", jwksUrl(), "response_types_supported", List.of("code"),
                "code_challenge_methods_supported", List.of("S256"))));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", ex -> json(ex, 200, Map.of("keys", List.of(jwk()))));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String jwksUrl() {
        return issuer() + "/jwks";
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
                || redirect == null) {
            log.add("authorize refused: " + q);
            json(ex, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[] {q.get("code_challenge"), redirect});
        log.add("authorize S256");
        ex.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code="
                + code + "&state=" + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("OPTIONS")) {
            cors(ex);
            ex.getResponseHeaders().add("Access-Control-Allow-Headers", "content-type, accept");
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        }
        Map<String, String> body = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] issued = codes.remove(body.getOrDefault("code", ""));
        String refusal = issued == null ? "unknown or reused code"
                : !"authorization_code".equals(body.get("grant_type")) ? "grant_type"
                : !clientId.equals(body.get("client_id")) ? "client_id"
                : !issued[1].equals(body.get("redirect_uri")) ? "redirect_uri"
                : !issued[0].equals(s256(body.getOrDefault("code_verifier", ""))) ? "code_verifier" : null;
        if (refusal != null) {
            log.add("token refused: " + refusal);
            json(ex, 400, Map.of("error", "invalid_grant", "error_description", refusal));
            return;
        }
        log.add("token ok");
        String jwt = jwt(Instant.now().plusSeconds(600));
        json(ex, 200, Map.of("access_token", jwt, "id_token", jwt, "token_type", "Bearer", "expires_in", 600));
    }

    /** A JWT for the configured user signed with this issuer's key, audience the client id. */
    String jwt(Instant expires) {
        Map<String, Object> payload = new LinkedHashMap<>(claims);
        payload.put("iss", issuer());
        payload.put("aud", clientId);
        payload.put("iat", Instant.now().getEpochSecond());
        payload.put("exp", expires.getEpochSecond());
        String signingInput = b64(Json.write(Map.of("alg", "RS256", "typ", "JWT", "kid", "k1")))
                + "." + b64(Json.write(payload));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> jwk() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return Map.of("kty", "RSA", "kid", "k1", "use", "sig", "alg", "RS256",
                "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent()));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void cors(HttpExchange ex) {
        ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        cors(ex);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
