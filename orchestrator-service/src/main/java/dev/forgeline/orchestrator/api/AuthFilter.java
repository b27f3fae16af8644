package dev.forgeline.orchestrator.api;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.forgeline.contracts.Json;
import dev.forgeline.orchestrator.config.AuthConfig;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.service.Authenticator;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates every request that is not on an open path (issue 15): a bearer token, or for the web view the
 * session cookie (then unsafe methods also need {@code X-Forgeline-Csrf: 1}). Refusals are one identical 401 for a
 * missing, unknown, revoked, expired or tampered token; a user on an admin path is a 403. The caller is left on the
 * routing context for the resources ({@link Callers}).
 */
@ApplicationScoped
public class AuthFilter {
    static final String PRINCIPAL = "forgeline.principal";
    static final String SESSION_COOKIE = "forgeline_session";
    static final String CSRF_HEADER = "X-Forgeline-Csrf";
    static final String UNAUTHORIZED_TYPE = "https://forgeline.dev/problems/unauthorized";
    static final String FORBIDDEN_TYPE = "https://forgeline.dev/problems/forbidden";
    /** Before the body limit (1 000): an anonymous caller learns nothing, not even the limit. */
    private static final int BEFORE_BODY_LIMIT = 1_100;
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String UNAUTHORIZED_BODY = Json.write(new ProblemDetail(UNAUTHORIZED_TYPE, "Unauthorized",
            401, "a valid bearer token is required", null, null));

    private final Authenticator authenticator;
    private final OpenPaths open;

    AuthFilter(Authenticator authenticator, AuthConfig config) {
        this.authenticator = authenticator;
        this.open = new OpenPaths(config.openPaths());
    }

    void register(@Observes Filters filters) {
        boolean enabled = authenticator.enabled();
        filters.register(rc -> {
            if (!enabled) {
                rc.put(PRINCIPAL, Principal.OPEN);
                rc.next();
                return;
            }
            filter(rc);
        }, BEFORE_BODY_LIMIT);
    }

    /** Whether the path is for admins only: key management and the dead letters. */
    static boolean adminOnly(String path) {
        return path.equals("/api/admin") || path.startsWith("/api/admin/") || path.equals("/api/dead-letters")
                || path.startsWith("/api/dead-letters/");
    }

    private void filter(RoutingContext rc) {
        String method = rc.request().method().name();
        String path = rc.normalizedPath();
        if (open.open(method, path)) {
            rc.next();
            return;
        }
        String token;
        boolean byCookie = false;
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            token = bearer(authorization);
        } else {
            Cookie session = rc.request().getCookie(SESSION_COOKIE);
            token = session == null ? null : session.getValue();
            byCookie = token != null;
        }
        if (token == null) {
            unauthorized(rc);
            return;
        }
        if (byCookie && UNSAFE.contains(method) && !"1".equals(rc.request().getHeader(CSRF_HEADER))) {
            forbidden(rc, "a request authenticated by the session cookie must carry the header "
                    + CSRF_HEADER + ": 1");
            return;
        }
        Context context = Vertx.currentContext();
        // Hold the body until the caller is known: it is read by the resource after rc.next().
        rc.request().pause();
        authenticator.authenticate(token).subscribe().with(
                principal -> context.runOnContext(ignored -> proceed(rc, path, principal)),
                failure -> context.runOnContext(ignored -> {
                    Log.errorf(failure, "authenticating a request to %s failed", path);
                    rc.request().resume();
                    rc.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                            .end(Json.write(new ProblemDetail("about:blank", "Internal error", 500,
                                    "the request failed unexpectedly; see the orchestrator log", path, null)));
                }));
    }

    private static void proceed(RoutingContext rc, String path, Principal principal) {
        rc.request().resume();
        if (principal == null) {
            unauthorized(rc);
        } else if (adminOnly(path) && !principal.admin()) {
            forbidden(rc, "this needs an admin key; the caller's role is " + principal.role().value());
        } else {
            rc.put(PRINCIPAL, principal);
            rc.next();
        }
    }

    /** The token of an {@code Authorization: Bearer} header, or null when the header is anything else. */
    static String bearer(String header) {
        if (header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    static void unauthorized(RoutingContext rc) {
        rc.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader("WWW-Authenticate", "Bearer realm=\"forgeline\"")
                .end(UNAUTHORIZED_BODY);
    }

    /** The same 401 as a JAX-RS response, for the session sign-in. */
    static jakarta.ws.rs.core.Response unauthorizedResponse() {
        return jakarta.ws.rs.core.Response.status(401).type(ProblemMapper.PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"forgeline\"").entity(UNAUTHORIZED_BODY).build();
    }

    private static void forbidden(RoutingContext rc, String detail) {
        rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .end(Json.write(new ProblemDetail(FORBIDDEN_TYPE, "Forbidden", 403, detail, rc.normalizedPath(),
                        null)));
    }
}
