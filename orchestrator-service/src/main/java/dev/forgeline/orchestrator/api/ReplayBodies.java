package dev.forgeline.orchestrator.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses an optional replay body strictly, naming what is wrong. */
final class ReplayBodies {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReplayBodies() {
    }

    static ReplayRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new ReplayRequest(null);
        }
        try {
            ReplayRequest request = STRICT.readValue(body, ReplayRequest.class);
            return request == null ? new ReplayRequest(null) : request;
        } catch (IOException e) {
            throw ProblemException.badRequest("$", "json.malformed",
                    "the replay body must be {\"modules\": [\"name\", …]} or empty");
        }
    }
}
