package io.flaude.fly.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthHeaderTest {

    @Test
    void a_plain_token_is_sent_as_bearer() {
        assertThat(AuthHeader.of("fo1_abc")).isEqualTo("Bearer fo1_abc");
    }

    @Test
    void macaroon_tokens_are_sent_as_flyv1() {
        assertThat(AuthHeader.of("fm1r_abc")).isEqualTo("FlyV1 fm1r_abc");
        assertThat(AuthHeader.of("fm1a_abc")).isEqualTo("FlyV1 fm1a_abc");
        assertThat(AuthHeader.of("fm2_abc,fm2_def")).isEqualTo("FlyV1 fm2_abc,fm2_def");
    }

    @Test
    void a_token_that_already_names_its_scheme_is_sent_as_is() {
        assertThat(AuthHeader.of("FlyV1 fm2_abc")).isEqualTo("FlyV1 fm2_abc");
        assertThat(AuthHeader.of("Bearer xyz")).isEqualTo("Bearer xyz");
    }

    @Test
    void the_nats_password_is_the_token_without_its_scheme() {
        assertThat(AuthHeader.withoutScheme("FlyV1 fm2_abc,fm2_def")).isEqualTo("fm2_abc,fm2_def");
        assertThat(AuthHeader.withoutScheme("bearer xyz")).isEqualTo("xyz");
        assertThat(AuthHeader.withoutScheme(" fo1_abc\n")).isEqualTo("fo1_abc");
    }

    @Test
    void surrounding_whitespace_from_an_env_file_is_dropped() {
        assertThat(AuthHeader.of("  fo1_abc\n")).isEqualTo("Bearer fo1_abc");
    }
}
