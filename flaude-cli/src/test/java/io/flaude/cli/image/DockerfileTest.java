package io.flaude.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads {@code image/Dockerfile} as text (no engine needed) and checks the documented layout. */
class DockerfileTest {
    static final Path IMAGE_DIR = TestFiles.REPO_ROOT.resolve("image");
    static final List<Instruction> DOCKERFILE = parse(IMAGE_DIR.resolve("Dockerfile"));

    /** One instruction: keyword (upper case) and its arguments with line continuations joined. */
    record Instruction(String keyword, String args) {}

    static List<Instruction> parse(Path file) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : TestFiles.read(file).lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            pending.append(continued ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continued) {
                String text = pending.toString().strip();
                int space = text.indexOf(' ');
                result.add(new Instruction(
                        text.substring(0, space).toUpperCase(),
                        text.substring(space + 1).strip()));
                pending.setLength(0);
            }
        }
        return result;
    }

    static List<String> all(String keyword) {
        return DOCKERFILE.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::args)
                .toList();
    }

    static String runs() {
        return String.join("\n", all("RUN"));
    }

    @Test
    void base_image_is_a_node_lts_release_on_debian_bookworm() {
        assertThat(all("FROM")).containsExactly("node:${NODE_VERSION}-bookworm-slim");
        assertThat(all("ARG")).anySatisfy(a -> assertThat(a).matches("NODE_VERSION=(20|22|24)"));
    }

    @Test
    void apt_installs_git_gh_jq_and_ca_certificates_and_drops_its_lists() {
        String apt = all("RUN").stream()
                .filter(r -> r.contains("apt-get install"))
                .findFirst()
                .orElseThrow();

        assertThat(apt.split("\\s+")).contains("git", "gh", "jq", "ca-certificates", "--no-install-recommends");
        assertThat(apt).contains("rm -rf /var/lib/apt/lists/*");
    }

    @Test
    void claude_code_comes_from_npm_at_a_pinned_version() {
        assertThat(all("ARG")).anySatisfy(a -> assertThat(a).matches("CLAUDE_CODE_VERSION=\\d+\\.\\d+\\.\\d+"));
        assertThat(runs()).contains("npm install -g \"@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}\"");
    }

    @Test
    void a_non_root_claude_user_is_created() {
        assertThat(runs()).containsPattern("useradd [^\\n]*--uid [1-9]\\d* [^\\n]*claude");
    }

    @Test
    void workspace_and_data_exist_and_belong_to_claude() {
        assertThat(runs()).contains("mkdir -p /workspace /data").contains("chown claude:claude /workspace /data");
        assertThat(all("WORKDIR")).containsExactly("/workspace");
    }

    @Test
    void entrypoint_script_is_copied_executable_and_set_as_exec_form_entrypoint() {
        assertThat(all("COPY")).containsExactly("--chmod=0755 entrypoint.sh /usr/local/bin/flaude-entrypoint");
        assertThat(IMAGE_DIR.resolve("entrypoint.sh")).isRegularFile();
        assertThat(all("ENTRYPOINT")).containsExactly("[\"/usr/local/bin/flaude-entrypoint\"]");
        assertThat(all("CMD")).isEmpty();
    }

    @Test
    void image_runs_as_root_so_the_entrypoint_can_drop_to_claude_with_runuser() throws IOException {
        assertThat(all("USER")).isEmpty();
        assertThat(runs()).contains("util-linux");
        assertThat(Files.readString(IMAGE_DIR.resolve("entrypoint.sh"))).contains("runuser -u \"$RUN_AS\" --");
    }

    @Test
    void entrypoint_defaults_match_the_image_layout() throws IOException {
        String script = Files.readString(IMAGE_DIR.resolve("entrypoint.sh"));

        assertThat(script).contains("${FLAUDE_WORKSPACE:-/workspace}", "MOUNT=/data", "${FLAUDE_RUN_AS:-claude}");
    }

    @Test
    void labels_carry_the_opencontainers_metadata() {
        String labels = String.join(" ", all("LABEL"));

        assertThat(labels)
                .contains(
                        "org.opencontainers.image.title=",
                        "org.opencontainers.image.description=",
                        "org.opencontainers.image.version=",
                        "org.opencontainers.image.source=");
    }
}
