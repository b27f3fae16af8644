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
import dev.forgeline.orchestrator.service.RunService;
import io.smallrye.mutiny.Multi;

/** {@code GET /api/runs/{id}/events} (DESIGN §6): one run's events over SSE, fed from forgeline.run.events. */
@Path("/api/runs/{id}/events")
public class RunEventsResource {
    private final RunEventLog log;
    private final SseStreams streams;

    RunEventsResource(RunEventLog log, SseStreams streams) {
        this.log = log;
        this.streams = streams;
    }

    /** The run's events from its start (or after {@code Last-Event-ID}), then live; ends after a terminal one. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> runEvents(@PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        UUID runId = RunService.parseRunId(id);
        UUID after = parseLastEventId(lastEventId);
        // RunEventsFilter has answered 404 already if the run does not exist.
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
