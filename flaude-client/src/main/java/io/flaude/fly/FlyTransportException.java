package io.flaude.fly;

/** No HTTP answer at all: connection refused or dropped, or a timeout (status 0). */
public class FlyTransportException extends FlyException {
    public FlyTransportException(FlyError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
