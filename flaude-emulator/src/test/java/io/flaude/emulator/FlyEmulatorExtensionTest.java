package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlyEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlyEmulatorExtensionTest {
    private static FlyEmulator previous;
    private FlyEmulator fromBeforeEach;

    @BeforeEach
    void remember(FlyEmulator fly) {
        fromBeforeEach = fly;
    }

    @Test
    @Order(1)
    void a_test_gets_a_started_emulator_shared_with_its_before_each(FlyEmulator fly) {
        assertThat(fly).isSameAs(fromBeforeEach);
        assertThat(new Api(fly).get("/v1/apps?org_slug=personal").statusCode()).isEqualTo(200);
        previous = fly;
    }

    @Test
    @Order(2)
    void the_next_test_gets_a_fresh_one_and_the_previous_one_was_closed(FlyEmulator fly) {
        assertThat(fly).isNotSameAs(previous);
        Api stale = new Api(previous).freshClient();
        assertThatThrownBy(() -> stale.sendOrThrow("GET", "/v1/apps?org_slug=personal", null))
                .isInstanceOf(IOException.class);
    }
}
