package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures that the same request would meet again are said at once, not retried for seconds. */
class TransportFailureTest {
    private final AtomicInteger retriesAsked = new AtomicInteger();

    private FlyClient client(String baseUri) {
        RetryPolicy counting = (attempt, failure, idempotent) -> {
            retriesAsked.incrementAndGet();
            return RetryPolicy.standard().retryDelay(attempt, failure, idempotent);
        };
        return FlyClient.builder()
                .environment(name -> null)
                .token("t")
                .allowPlainHttp(true)
                .baseUri(baseUri)
                .rateBudget(RateBudget.unlimited())
                .retryPolicy(counting)
                .build();
    }

    @Test
    void a_host_that_does_not_resolve_is_named_and_not_retried() {
        try (FlyClient fly = client("http://no-such-host.invalid:4280")) {
            assertThatThrownBy(() -> fly.volumes("my-app").list())
                    .isInstanceOfSatisfying(FlyTransportException.class, e -> {
                        assertThat(e.getMessage()).contains("cannot resolve host no-such-host.invalid");
                        assertThat(e.retryable()).isFalse();
                    });
        }
        assertThat(retriesAsked).hasValue(1);
    }

    @Test
    void a_loopback_port_nothing_listens_on_fails_at_once() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (FlyClient fly = client("http://127.0.0.1:" + closed)) {
            assertThatThrownBy(() -> fly.volumes("my-app").list())
                    .isInstanceOf(FlyTransportException.class)
                    .hasMessageContaining("nothing listens on 127.0.0.1:" + closed);
        }
        assertThat(retriesAsked).hasValue(1);
    }
}
