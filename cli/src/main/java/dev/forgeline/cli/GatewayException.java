package dev.forgeline.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The gateway answered with an error; {@link #problem()} is its {@code application/problem+json} body, if any. */
public class GatewayException extends RuntimeException {
    private final int status;
    private final transient JsonNode problem;

    public GatewayException(String message, int status, JsonNode problem) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }
}
