package io.flaude.fly;

/**
 * The token was missing, wrong or expired (HTTP 401), or lacks access (403). The token itself is never part of the
 * message.
 */
public class FlyUnauthorizedException extends FlyApiException {
    public FlyUnauthorizedException(FlyError error, Throwable cause) {
        super(error, cause);
    }
}
