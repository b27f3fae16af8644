package dev.forgeline.contracts;

/** A record that cannot be deserialised or is missing required data: never retried, sent to the DLQ. */
public class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
