package dev.forgeline.orchestrator.api;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.forgeline.orchestrator.service.RunEventLog;
import dev.forgeline.orchestrator.service.RunQueries;
import dev.forgeline.orchestrator.service.RunService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/runs/{id}/events} (DESIGN §6): one run's events over SSE, fed from forgeline.run.events. */
@Path("/api/runs/{id}/events")
public class RunEventsResource {
    private final RunEventLog log;
    private final SseStreams streams;
    private final RunQueries queries;

    RunEventsResource(RunEventLog log, SseStreams streams, RunQueries queries) {
        this.log = log;
        this.queries = queries;
        this.streams = streams;
    }

    /** The run's events from its start (or after {@code Last-Event-ID}), then live; ends after a terminal one. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> runEvents(@PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse, RoutingContext rc) {
        UUID runId = RunService.parseRunId(id);
        UUID after = parseLastEventId(lastEventId);
        // RunEventsFilter has answered 404 already if the run does not exist or belongs to another tenant.
        if (!log.hasEvents(runId)) {
            // Older than the feed's history, or forgotten: if it has ended, no event will ever come.
            return queries.visible(runId, Callers.of(rc)).onItem().transformToMulti(run -> run.status.isTerminal()
                    ? Multi.createFrom().empty() : follow(runId, after, sse));
        }
        return follow(runId, after, sse);
    }

    /** The run's events held by this instance, oldest first, as one JSON array (no waiting for more). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<java.util.List<dev.forgeline.contracts.messages.RunEvent>> runEventsJson(@PathParam("id") String id) {
        // RunEventsFilter has answered 404 already if the run does not exist or belongs to another tenant. A Uni
        // keeps this on the event loop, where the filter's reactive database check must run.
        return Uni.createFrom().item(() -> log.events(RunService.parseRunId(id)));
    }

    private Multi<OutboundSseEvent> follow(UUID runId, UUID after, Sse sse) {
        return streams.stream(sse, (emitter, send) -> {
            boolean[] finished = {false};
            return log.follow(runId, after, e -> {
                if (!finished[0]) {
                    send.accept(e);
                    if (RunEventLog.isTerminal(e)) {
                        finished[0] = true;
                        emitter.complete();
                    }
                }
            }, historyEndsTerminal -> {
                if (historyEndsTerminal && !finished[0]) {
                    finished[0] = true;
                    emitter.complete();
                }
            });
        });
    }

    private static UUID parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Last-Event-ID", "uuid", "Last-Event-ID must be an event id (a UUID)");
        }
    }
}
