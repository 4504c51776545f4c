package io.flaude.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/sessions.md's executor snippet, compiled and run. */
class DocsSessionsExampleTest extends AgentTestBase {

    @Test
    void the_executor_snippet_runs_a_batch() {
        fly.apps().ensure("my-agents", "personal");
        List<AgentConfig> configs = List.of(config("one"), config("two"));
        long succeeded;
        try (RunExecutor executor = new RunExecutor(fly, 8)) {                 // at most 8 runs on Fly at once
            BatchResult batch = executor.runAll("my-agents", configs, RunOptions.DEFAULTS);
            batch.items().forEach(item -> System.out.println(item.index() + " " + item.succeeded()));
            succeeded = batch.succeeded();
        }
        assertThat(succeeded).isEqualTo(2);
    }
}
