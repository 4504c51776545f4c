package io.flaude.cli.image;

import java.nio.file.Path;

/**
 * Stand-ins for the programs the entrypoint calls, put first on its PATH. Each records its argv
 * (NUL-separated), cwd and a few env vars under {@code $STUB_REC/<tool>/<n>.*}, the n-th call.
 */
final class EntrypointStubs {
    private EntrypointStubs() {}

    /** Sourced by every stub. Records only env vars that hold no secret. */
    private static final String RECORD =
            """
            tool=$(basename "$0")
            rec_dir="$STUB_REC/$tool"
            mkdir -p "$rec_dir"
            n=$(find "$rec_dir" -name '*.argv' | wc -l)
            printf '%s\\0' "$@" >"$rec_dir/$n.argv"
            pwd >"$rec_dir/$n.cwd"
            for v in CLAUDE_CONFIG_DIR GIT_CONFIG_COUNT GIT_CONFIG_KEY_0 GIT_CONFIG_VALUE_0 GIT_TERMINAL_PROMPT; do
              printf '%s=%s\\n' "$v" "${!v:-}"
            done >"$rec_dir/$n.env"
            """;

    /**
     * {@code git clone ... -- URL DIR}: asks the credential helper like git would (answer kept in
     * {@code $STUB_REC/credential-helper.out}), writes a partial file, then either fails mid-clone
     * ({@code STUB_GIT=fail}, printing a URL with the token as git might) or completes the clone.
     */
    private static final String GIT =
            """
            #!/usr/bin/env bash
            set -euo pipefail
            source "$(dirname "$0")/record.sh"
            [ "${1:-}" = clone ] || exit 0
            dest=${!#}
            url=${*: -2:1}
            if [ -n "${GIT_CONFIG_VALUE_0:-}" ]; then
              printf 'protocol=https\\nhost=github.com\\n\\n' | sh -c "$GIT_CONFIG_VALUE_0 get" >"$STUB_REC/credential-helper.out"
            fi
            mkdir -p "$dest/.git"
            echo half >"$dest/HALF_DONE"
            if [ "${STUB_GIT:-ok}" = fail ]; then
              echo "fatal: unable to access 'https://${GITHUB_USERNAME:-x}:${GITHUB_TOKEN:-}@github.com/o/r/': reset" >&2
              exit 128
            fi
            rm "$dest/HALF_DONE"
            echo "$url" >"$dest/CLONED_FROM"
            """;

    /**
     * {@code claude -p ...}: like the real CLI, keeps a transcript per session under
     * {@code $CLAUDE_CONFIG_DIR/projects/<cwd with non-alphanumerics as ->/<id>.jsonl}, refuses
     * {@code --resume} of a session it has no transcript for in this cwd, and {@code --session-id}
     * of one it has. Output, final newline, exit code and a sleep come from {@code STUB_CLAUDE_*}.
     */
    private static final String CLAUDE =
            """
            #!/usr/bin/env bash
            set -euo pipefail
            source "$(dirname "$0")/record.sh"
            sid="" mode="" prev=""
            for a in "$@"; do
              case "$prev" in --session-id) sid=$a mode=new ;; --resume) sid=$a mode=resume ;; esac
              prev=$a
            done
            if [ -n "$sid" ]; then
              project="${CLAUDE_CONFIG_DIR:?}/projects/$(pwd | tr -c 'A-Za-z0-9\\n' '-')"
              if [ "$mode" = resume ] && [ ! -f "$project/$sid.jsonl" ]; then
                echo "No conversation found with session ID: $sid" >&2; exit 1
              fi
              if [ "$mode" = new ] && [ -f "$project/$sid.jsonl" ]; then
                echo "Session ID $sid is already in use" >&2; exit 1
              fi
              mkdir -p "$project"
              printf '{"sessionId":"%s","cwd":"%s"}\\n' "$sid" "$PWD" >>"$project/$sid.jsonl"
            fi
            if [ -n "${STUB_CLAUDE_SLEEP:-}" ]; then
              trap 'kill "$sleeper"; echo "claude got TERM"; exit 143' TERM
              sleep "$STUB_CLAUDE_SLEEP" & sleeper=$!
              echo "claude started" >"$STUB_REC/claude-started"
              wait "$sleeper"
            fi
            printf '%s' "${STUB_CLAUDE_OUTPUT:-claude says hi}"
            [ -n "${STUB_CLAUDE_NO_NEWLINE:-}" ] || echo
            exit "${STUB_CLAUDE_EXIT:-0}"
            """;

    /** {@code runuser -u USER -- CMD...}: records, then runs CMD as the same user. */
    private static final String RUNUSER =
            """
            #!/usr/bin/env bash
            set -euo pipefail
            source "$(dirname "$0")/record.sh"
            while [ "$#" -gt 0 ] && [ "$1" != -- ]; do shift; done
            shift
            exec "$@"
            """;

    /** {@code chown}: records only (the test user cannot give files to {@code claude}). */
    private static final String CHOWN =
            """
            #!/usr/bin/env bash
            source "$(dirname "$0")/record.sh"
            """;

    static void install(Path bin) {
        TestFiles.writeExecutable(bin, "record.sh", RECORD);
        TestFiles.writeExecutable(bin, "git", GIT);
        TestFiles.writeExecutable(bin, "claude", CLAUDE);
        TestFiles.writeExecutable(bin, "runuser", RUNUSER);
        TestFiles.writeExecutable(bin, "chown", CHOWN);
    }
}
