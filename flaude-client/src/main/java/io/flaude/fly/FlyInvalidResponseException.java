package io.flaude.fly;

/** A 2xx answer whose body is empty or not what the endpoint returns (status 0). */
public class FlyInvalidResponseException extends FlyException {
    public FlyInvalidResponseException(FlyError error, Throwable cause) {
        super(error, cause);
    }
}
