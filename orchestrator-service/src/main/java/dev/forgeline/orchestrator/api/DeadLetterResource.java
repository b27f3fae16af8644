package dev.forgeline.orchestrator.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.forgeline.contracts.Json;
import dev.forgeline.orchestrator.messaging.DeadLetterId;
import dev.forgeline.orchestrator.messaging.DeadLetterTopics;
import dev.forgeline.orchestrator.service.DeadLetterService;

/** {@code /api/dead-letters}: the records on every {@code <topic>.dlq}, and their re-publication. Blocking: runs on workers. */
@Path("/api/dead-letters")
public class DeadLetterResource {
    static final int MAX_IDS = 1000;

    private final DeadLetterService service;

    DeadLetterResource(DeadLetterService service) {
        this.service = service;
    }

    /** A page of dead letters, newest first; {@code topic} is a {@code .dlq} topic or its source topic. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetterPage list(@QueryParam("topic") String topic, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int p = number("page", page, 0, 0, Integer.MAX_VALUE / 100);
        int s = number("size", size, 20, 1, 100);
        DeadLetterService.topicsNamed(topic);
        DeadLetterService.Page found = available(() -> service.list(topic, p, s));
        return new DeadLetterPage(p, s, found.total(), found.retained(), found.total() < found.retained(),
                found.entries().stream().map(DeadLetterView::of).toList());
    }

    /** Re-publishes {@code ids} or every record of {@code topic} to its source topic, each record once. */
    @POST
    @Path("replay")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetterReplayResult replay(byte[] body) {
        DeadLetterReplayRequest request = parse(body);
        boolean byIds = request.ids() != null;
        boolean byTopic = request.topic() != null && !request.topic().isBlank();
        if (byIds == byTopic) {
            throw ProblemException.badRequest("$", "replay.target",
                    "give either \"ids\" (dead-letter ids) or \"topic\" (a .dlq topic), not both or neither");
        }
        if (byTopic) {
            DeadLetterService.topicsNamed(request.topic());
            return DeadLetterReplayResult.of(available(() -> service.replayTopic(request.topic())));
        }
        List<DeadLetterId> ids = ids(request.ids());
        return DeadLetterReplayResult.of(available(() -> service.replay(ids)));
    }

    /** Kafka or the database away is a 503 naming what failed, not an unexpected 500. */
    private static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (DeadLetterService.Unavailable e) {
            throw new ProblemException(503, "Service unavailable", e.getMessage(), List.of());
        }
    }

    private static DeadLetterReplayRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("$", "json.missing",
                    "a JSON body {\"ids\": [...]} or {\"topic\": \"<topic>.dlq\"} is required");
        }
        try {
            DeadLetterReplayRequest request = Json.mapper().readValue(body, DeadLetterReplayRequest.class);
            if (request == null) {
                throw ProblemException.badRequest("$", "json.malformed", "the body must be a JSON object");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("$", "json.malformed", "the body is not a replay request: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DeadLetterId> ids(List<String> raw) {
        if (raw.isEmpty() || raw.size() > MAX_IDS) {
            throw ProblemException.badRequest("ids", "ids.count", "give between 1 and " + MAX_IDS + " ids");
        }
        List<DeadLetterId> ids = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            DeadLetterId id = DeadLetterId.parse(raw.get(i));
            if (id == null) {
                throw ProblemException.badRequest("ids[" + i + "]", "id.format", "'" + raw.get(i)
                        + "' is not a dead-letter id <topic>:<partition>:<offset> with a topic among "
                        + String.join(", ", DeadLetterTopics.TOPICS));
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(name, "range", name + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }
}
