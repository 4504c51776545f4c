package io.flaude.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.emulator.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveOutputTest {

    @Test
    void on_a_terminal_a_progress_line_ticks_on_stderr_and_is_erased_before_each_line() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        try (LiveOutput live = new LiveOutput(
                new PrintWriter(out), new PrintWriter(err), true, true, "turn of s1", now::get, Duration.ofMillis(1))) {
            Await.until("the first progress line", Duration.ofSeconds(5), () -> err.toString()
                    .contains("... 0 s"));
            now.set(Duration.ofMillis(1200).toNanos());
            Await.until("a second later", Duration.ofSeconds(5), () -> err.toString()
                    .contains("... 1 s"));
            live.accept("hello");
        }

        assertThat(err.toString())
                .contains("turn of s1 ... 0 s")
                .contains("turn of s1 ... 1 s")
                .endsWith("\r\033[K");
        assertThat(out.toString()).isEqualTo("hello" + System.lineSeparator());
    }

    @Test
    void off_a_terminal_there_is_no_progress_line() {
        StringWriter err = new StringWriter();
        try (LiveOutput live =
                new LiveOutput(new PrintWriter(new StringWriter()), new PrintWriter(err), true, false, "x")) {
            live.accept("line");
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void with_json_the_lines_are_not_printed() {
        StringWriter out = new StringWriter();
        try (LiveOutput live =
                new LiveOutput(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false, "x")) {
            live.accept("line");
        }

        assertThat(out.toString()).isEmpty();
    }
}
