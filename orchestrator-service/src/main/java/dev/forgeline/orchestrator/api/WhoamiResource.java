package dev.forgeline.orchestrator.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.forgeline.orchestrator.domain.Principal;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/whoami}: the caller's tenant, key name and role (how the web view knows it is signed in). */
@Path("/api/whoami")
public class WhoamiResource {
    /** The caller as the API shows it. */
    public record Whoami(String tenant, String name, String role) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami whoami(RoutingContext rc) {
        Principal p = Callers.of(rc);
        return new Whoami(p.tenant(), p.keyName(), p.role().value());
    }
}
