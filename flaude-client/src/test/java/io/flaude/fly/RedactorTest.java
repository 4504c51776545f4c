package io.flaude.fly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void a_whole_token_is_cut_wherever_it_stands_alone() {
        assertThat(Redactor.of(List.of("sk-ant-123")).redact("token sk-ant-123, again:sk-ant-123"))
                .isEqualTo("token <redacted>, again:<redacted>");
    }

    @Test
    void a_short_token_never_garbles_the_words_around_it() {
        assertThat(Redactor.of(List.of("t")).redact("volume is currently bound to machine: t"))
                .isEqualTo("volume is currently bound to machine: <redacted>");
    }

    @Test
    void a_token_inside_a_longer_token_is_not_cut() {
        assertThat(Redactor.of(List.of("abc")).redact("xabc abc_d abc")).isEqualTo("xabc abc_d <redacted>");
    }

    @Test
    void a_token_given_with_its_scheme_is_also_cut_without_it() {
        assertThat(Redactor.of(List.of("FlyV1 fm2_abc,fm2_def")).redact("got fm2_abc,fm2_def"))
                .isEqualTo("got <redacted>");
    }

    @Test
    void every_secret_is_cut_and_blank_ones_are_ignored() {
        Redactor r = Redactor.of(Arrays.asList("fly-tok", null, " ", "ghp_x1", "oat01"));

        assertThat(r.redact("a fly-tok b ghp_x1 c oat01 d")).isEqualTo("a <redacted> b <redacted> c <redacted> d");
    }

    @Test
    void a_secret_that_contains_another_is_cut_whole() {
        assertThat(Redactor.of(List.of("abc", "abc.def")).redact("[abc.def]")).isEqualTo("[<redacted>]");
    }

    @Test
    void its_text_never_shows_a_secret() {
        assertThat(Redactor.of(List.of("s3cret-value")).toString()).doesNotContain("s3cret");
    }
}
