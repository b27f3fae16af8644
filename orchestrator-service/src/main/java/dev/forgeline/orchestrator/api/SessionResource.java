package dev.forgeline.orchestrator.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.forgeline.orchestrator.service.Authenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/session} (open): the web view trades a key or JWT for an HttpOnly, SameSite=Strict cookie, so no script
 * ever holds the token. JSON only, so a cross-site form cannot sign a browser in.
 */
@Path("/api/session")
public class SessionResource {
    private final Authenticator authenticator;

    SessionResource(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A sign-in: an API key ({@code key}) or a JWT ({@code token}). */
    public record SignIn(String key, String token) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signIn(SignIn body, RoutingContext rc) {
        String token = body == null ? null : body.key() != null ? body.key() : body.token();
        return authenticator.authenticate(token).map(principal -> {
            if (principal == null) {
                return AuthFilter.unauthorizedResponse();
            }
            rc.response().addCookie(cookie(rc, token));
            return Response.noContent().build();
        });
    }

    @DELETE
    public Response signOut(RoutingContext rc) {
        rc.response().addCookie(cookie(rc, "").setMaxAge(0));
        return Response.noContent().build();
    }

    private static Cookie cookie(RoutingContext rc, String value) {
        String proto = rc.request().getHeader("X-Forwarded-Proto");
        boolean https = proto != null ? proto.trim().equalsIgnoreCase("https") : rc.request().isSSL();
        return Cookie.cookie(AuthFilter.SESSION_COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setPath("/api").setSecure(https);
    }
}
