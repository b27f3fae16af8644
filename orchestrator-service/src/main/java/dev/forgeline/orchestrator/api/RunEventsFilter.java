package dev.forgeline.orchestrator.api;

import java.util.UUID;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.service.RunEventLog;
import dev.forgeline.orchestrator.service.RunQueries;
import dev.forgeline.orchestrator.service.RunService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers an event stream of an unknown run with a 404 problem before the stream starts: once an SSE response
 * has begun, its status can no longer change.
 */
public class RunEventsFilter {
    private final RunEventLog log;
    private final RunQueries queries;

    RunEventsFilter(RunEventLog log, RunQueries queries) {
        this.log = log;
        this.queries = queries;
    }

    @ServerRequestFilter
    public Uni<Response> requireRun(SimpleResourceInfo resource, UriInfo uri, RoutingContext rc) {
        if (resource.getResourceClass() != RunEventsResource.class) {
            return Uni.createFrom().nullItem();
        }
        UUID runId = RunService.parseRunId(uri.getPathParameters().getFirst("id"));
        Principal caller = Callers.of(rc);
        if (caller.admin() && log.knows(runId)) {
            return Uni.createFrom().nullItem();
        }
        // Not only unknown runs: another tenant's run is the same 404 (the log does not know whose a run is).
        return queries.visible(runId, caller).replaceWith((Response) null);
    }
}
