package dev.forgeline.cli;

/** The gateway answered 401: no token, or one it does not accept (unknown, revoked, expired, tampered). */
public class TokenRefusedException extends GatewayException {
    public TokenRefusedException(String message) {
        super(message, 401, null);
    }
}
