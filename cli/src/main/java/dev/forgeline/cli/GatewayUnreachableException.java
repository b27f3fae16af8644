package dev.forgeline.cli;

/** The gateway did not answer: connection refused, unknown host or timed out. */
public class GatewayUnreachableException extends RuntimeException {
    public GatewayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
