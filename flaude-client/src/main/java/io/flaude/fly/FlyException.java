package io.flaude.fly;

/**
 * The one unchecked root of every error this library raises. It has two branches:
 * <ul>
 *   <li>{@link FlyApiException}: Fly answered with an error status. It carries the status, Fly's
 *       message and error code, the method, the URL and the {@code fly-request-id}; the typed leaves
 *       ({@link FlyNotFoundException}, {@link FlyConflictException}, {@link FlyRateLimitedException},
 *       ...) let callers catch what they can handle.</li>
 *   <li>{@link FlyClientException}: nothing Fly said is to blame: input refused before any request
 *       ({@link FlyValidationException}), no answer at all ({@link FlyTransportException}), an answer
 *       that is not what the endpoint returns ({@link FlyInvalidResponseException}), a wait that ran out
 *       ({@link FlyTimeoutException}), an interrupt ({@link FlyInterruptedException}), and the agent
 *       module's run and session errors.</li>
 * </ul>
 * {@link #retryable()} says whether the same call may succeed later. Tokens never appear in any message.
 */
public abstract class FlyException extends RuntimeException {

    protected FlyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether repeating the same call later may succeed (rate limits, capacity, 5xx, transport failures). */
    public boolean retryable() {
        return false;
    }
}
