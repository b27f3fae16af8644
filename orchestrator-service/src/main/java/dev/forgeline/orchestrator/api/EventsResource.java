package dev.forgeline.orchestrator.api;

import java.util.UUID;
import java.util.function.Predicate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.service.RunEventLog;
import dev.forgeline.orchestrator.service.RunService;
import io.smallrye.mutiny.Multi;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/events} (DESIGN §6): every run's new events over SSE, optionally filtered. */
@Path("/api/events")
public class EventsResource {
    private final RunEventLog log;
    private final SseStreams streams;

    EventsResource(RunEventLog log, SseStreams streams) {
        this.log = log;
        this.streams = streams;
    }

    /** Events from now on; {@code run} keeps one run's, {@code status} those reporting that status. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> allEvents(@QueryParam("run") String run, @QueryParam("status") String status,
            @Context Sse sse, RoutingContext rc) {
        Principal caller = Callers.of(rc);
        UUID runId = run == null || run.isBlank() ? null : RunService.parseRunId(run);
        boolean anyStatus = status == null || status.isBlank();
        if (!anyStatus && !status.matches("[A-Z_]{1,32}")) {
            throw ProblemException.badRequest("status", "status.format",
                    "status must be a run or module status such as FAILED");
        }
        // A run's tenant travels on its events; events from before issue 15 carry none and only admins see them.
        Predicate<RunEvent> filter = e -> (caller.admin() || caller.tenant().equals(e.tenant()))
                && (runId == null || runId.equals(e.runId()))
                && (anyStatus || status.equals(e.status()));
        return streams.stream(sse, (emitter, send) -> log.followAll(filter, send));
    }
}
