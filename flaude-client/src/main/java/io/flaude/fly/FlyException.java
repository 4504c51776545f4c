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
 * Each failure classifies itself, and the retry policy reads only that: {@link #retryable()} says whether the
 * same call may succeed later, {@link #outcomeUnknown()} whether it may have taken effect. Tokens never appear
 * in any message.
 */
public abstract class FlyException extends RuntimeException {

    protected FlyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether repeating the same call later may succeed (rate limits, capacity, 408 and 5xx, transport failures). */
    public boolean retryable() {
        return false;
    }

    /**
     * Whether the call may or may not have taken effect: no answer came (the request may have arrived), or
     * Fly answered 408 or 5xx. Such a call is repeated only when it is idempotent, and a create is first
     * looked for. A refusal (4xx, a 429 included) was not applied.
     */
    public boolean outcomeUnknown() {
        return false;
    }
}
