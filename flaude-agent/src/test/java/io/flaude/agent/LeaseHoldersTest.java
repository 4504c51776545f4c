package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flaude.agent.internal.LeaseHolders;
import io.flaude.fly.Lease;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseHoldersTest {
    private static final Instant LATER = Instant.now().plusSeconds(12);

    private static Lease heldAs(String description) {
        return new Lease("3d8d413b29d089", "nonce", LATER, "someone@tokens.fly.io", description);
    }

    /** This process's own description with another pid in it. */
    private static String asPid(long pid) {
        return LeaseHolders.of("turn of session s")
                .replace("(pid " + ProcessHandle.current().pid(), "(pid " + pid);
    }

    @Test
    void a_lease_of_a_process_of_this_host_that_no_longer_runs_is_said_to_be_held_by_no_turn() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(LeaseHolders.heldBy(heldAs(asPid(ended.pid()))))
                .contains("that process no longer runs, so no turn holds it: it lapses by itself in");
    }

    @Test
    void a_lease_of_a_live_process_names_it_and_says_when_it_lapses_if_that_process_stops() {
        assertThat(LeaseHolders.heldBy(heldAs(LeaseHolders.of("turn of session s"))))
                .contains("\"flaude turn of session s (pid "
                        + ProcessHandle.current().pid())
                .contains("until " + LATER)
                .contains("if that process has stopped, the lease lapses by itself then");
    }

    @Test
    void a_lease_without_a_description_names_its_owner() {
        assertThat(LeaseHolders.heldBy(heldAs(""))).startsWith("its machine's lease is held by someone@tokens.fly.io");
    }
}
