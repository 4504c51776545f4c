package io.flaude.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveOutputTest {

    @Test
    void on_a_terminal_a_progress_line_ticks_on_stderr_and_is_erased_before_each_line() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (LiveOutput live = new LiveOutput(new PrintWriter(out), new PrintWriter(err), true, true, "turn of s1")) {
            Thread.sleep(1200);
            live.accept("hello");
        }

        assertThat(err.toString()).contains("turn of s1 ... 0 s").contains("turn of s1 ... 1 s").endsWith("\r\033[K");
        assertThat(out.toString()).isEqualTo("hello" + System.lineSeparator());
    }

    @Test
    void off_a_terminal_there_is_no_progress_line() {
        StringWriter err = new StringWriter();
        try (LiveOutput live = new LiveOutput(new PrintWriter(new StringWriter()), new PrintWriter(err), true, false, "x")) {
            live.accept("line");
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void with_json_the_lines_are_not_printed() {
        StringWriter out = new StringWriter();
        try (LiveOutput live = new LiveOutput(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false, "x")) {
            live.accept("line");
        }

        assertThat(out.toString()).isEmpty();
    }
}
