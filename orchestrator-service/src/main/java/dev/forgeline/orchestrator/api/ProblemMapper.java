package dev.forgeline.orchestrator.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.repository.DatabaseFailures;
import io.quarkus.logging.Log;

/** Maps failures to {@code application/problem+json} (RFC 9457); unexpected ones are logged, never leaked. */
public class ProblemMapper {
    public static final String PROBLEM_JSON = "application/problem+json";
    static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return build(e.status(), e.title(), e.getMessage(), uri, e);
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (e instanceof DomainException.NotFound) {
            return build(404, "Not found", e.getMessage(), uri, null);
        }
        if (e instanceof DomainException.Conflict) {
            return build(409, "Conflict", e.getMessage(), uri, null);
        }
        if (e instanceof DomainException.OverQuota quota) {
            return Response.fromResponse(build(429, "Too many requests", e.getMessage(), uri, null))
                    .header("Retry-After", Long.toString(quota.retryAfterSeconds())).build();
        }
        if (e instanceof DomainException.TooLarge large) {
            return build(413, "Content too large", e.getMessage(), uri,
                    new ProblemException(413, "Content too large", e.getMessage(), large.violations()));
        }
        return build(400, "Invalid request", e.getMessage(), uri,
                ProblemException.badRequest(e.getMessage(), ((DomainException.Invalid) e).violations()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return build(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri, null);
    }

    // Throwable, not RuntimeException: a refused database connection arrives as a checked ConnectException.
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.unavailable(e)) {
            // Not a fault of this request: the database is down or restarting, so say when to try again.
            Log.warnf("database unavailable serving %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(build(503, "Service unavailable",
                    "the database cannot be reached right now; retry shortly", uri, null))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        Log.errorf(e, "unexpected failure serving %s", uri.getPath());
        return build(500, "Internal error", "the request failed unexpectedly; see the orchestrator log", uri, null);
    }

    private static Response build(int status, String title, String detail, UriInfo uri, ProblemException e) {
        ProblemDetail body = new ProblemDetail("about:blank", title, status, detail, uri.getPath(),
                e == null ? null : e.violations());
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
