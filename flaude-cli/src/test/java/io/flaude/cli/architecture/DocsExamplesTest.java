package io.flaude.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every line of every {@code java} block in the README and the docs appears in a compiled, run test
 * of the project (each such test names the page it holds), so a page can never show an API that
 * does not exist or no longer works. A few lines differ on purpose; they are listed with the line the
 * test has instead.
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of("..");

    /** Page lines that the tests must write differently, and how they write them. */
    private static final Map<String, String> STAND_INS = Map.of(
            ".claudeToken(System.getenv(\"CLAUDE_CODE_OAUTH_TOKEN\"))",
            ".claudeToken(\"stand-in for System.getenv(\\\"CLAUDE_CODE_OAUTH_TOKEN\\\")\")",
            "try (SessionStore store = new SqliteSessionStore(SqliteSessionStore.defaultFile())) {   // $FLAUDE_HOME or ~/.flaude",
            "try (SessionStore store = new SqliteSessionStore(home.resolve(\"sessions.db\"))) {");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "README.md",
                "docs/client.md",
                "docs/sessions.md",
                "docs/emulator.md",
                "docs/volumes.md",
                "docs/cli.md",
                "docs/image.md",
                "docs/benchmarks.md",
                "docs/logs.md"
            })
    void every_java_line_of_the_page_is_in_a_test(String page) throws IOException {
        Set<String> tested = testLines();
        List<String> missing = javaLines(Files.readString(ROOT.resolve(page))).stream()
                .filter(line -> !tested.contains(STAND_INS.getOrDefault(line, line)))
                .toList();

        assertThat(missing)
                .as("lines of %s's java blocks that no test has (put the example in a test)", page)
                .isEmpty();
    }

    /** The stripped, non-blank lines of the page's {@code ```java} blocks, comment-only lines left out. */
    static List<String> javaLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inJava = false;
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                inJava = !inJava && line.equals("```java");
                continue;
            }
            if (inJava && !line.isEmpty() && !line.startsWith("//")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<String> testLines() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(
                            p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/"))
                    .flatMap(DocsExamplesTest::lines)
                    .map(String::strip)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
