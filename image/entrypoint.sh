#!/usr/bin/env bash
# flaude-entrypoint: prepares the workspace (clones repos, restores a session from the volume) and runs
# one Claude Code turn. The env contract and the [flaude...] markers are documented in docs/image.md.
# Every run ends with the line [flaude:exit:N] and exit status N, on success and on failure alike.
set -Eeuo pipefail

readonly CLONE_MARKER=flaude-clone-complete   # written into <repo>/.git once a clone has fully succeeded
readonly EXIT_CONFIG=2                        # invalid or missing configuration
readonly EXIT_CLONE=3                         # a repository could not be cloned

FLAUDE_TMP=""          # scratch dir (credential helper), removed on exit
CLAUDE_PID=""          # the running claude process, for signal forwarding
CLAUDE_RAN=0           # set once claude was started; its output may lack a final newline
SIGNALLED=0

# ---------------------------------------------------------------- output, redaction, exit marker

# Replaces known secret values and the userinfo part of URLs (scheme://user:pass@host) in $1.
redact() {
  local s=$1 secret
  for secret in "${GITHUB_TOKEN:-}" "${CLAUDE_CODE_OAUTH_TOKEN:-}"; do
    if [ -n "$secret" ]; then s=${s//"$secret"/***}; fi
  done
  while [[ $s =~ ^(.*://)[^/@[:space:]]+@(.*)$ ]]; do
    s="${BASH_REMATCH[1]}${BASH_REMATCH[2]}"
  done
  printf '%s' "$s"
}

# Copies stdin to stdout line by line, redacted and prefixed with $1.
redact_stream() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s%s\n' "$1" "$(redact "$line")"
  done
}

log() { printf '[flaude] %s\n' "$(redact "$*")"; }

# Prints [flaude:error] <message> and exits with code $2 (default: configuration error).
die() {
  printf '[flaude:error] %s\n' "$(redact "$1")"
  exit "${2:-$EXIT_CONFIG}"
}

# shellcheck disable=SC2317  # invoked by trap
on_exit() {
  local code=$?
  if [ -n "$FLAUDE_TMP" ]; then rm -rf -- "$FLAUDE_TMP"; fi
  # claude's last line may lack a newline; the marker must start a line of its own
  if [ "$CLAUDE_RAN" = 1 ]; then printf '\n'; fi
  printf '[flaude:exit:%d]\n' "$code"
  exit "$code"
}

# Names the command that failed under set -e; the EXIT trap then prints the exit marker.
# shellcheck disable=SC2317  # invoked by trap
on_error() {
  printf '[flaude:error] unexpected failure (exit %d) at line %d: %s\n' "$1" "$2" "$(redact "$3")"
}

# shellcheck disable=SC2317  # invoked by trap
on_signal() {
  SIGNALLED=1
  if [ -n "$CLAUDE_PID" ]; then
    kill -TERM "$CLAUDE_PID" 2>/dev/null || true
  else
    exit 143
  fi
}

# ---------------------------------------------------------------- users and directories

# Root check. FLAUDE_TEST_UID overrides `id -u` so tests can take the root path without being root.
is_root() { [ "${FLAUDE_TEST_UID:-$(id -u)}" = 0 ]; }

# True when commands must be dropped to the run-as user.
drops_privileges() { is_root && [ "$RUN_AS" != root ]; }

# Runs "$@" as the run-as user: through runuser when root, directly otherwise.
as_user() {
  if drops_privileges; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}

# Creates directory $1 if missing and gives it (only it, never recursively) to the run-as user.
ensure_dir() {
  if [ -d "$1" ]; then return 0; fi
  mkdir -p -- "$1"
  if drops_privileges; then chown -- "$RUN_AS:" "$1"; fi
}

# NAME_FILE support: when NAME is empty and NAME_FILE names a file, NAME is read from it (Fly secret files).
load_from_file() {
  local name=$1 file_var="${1}_FILE"
  if [ -n "${!name:-}" ] || [ -z "${!file_var:-}" ]; then return 0; fi
  [ -r "${!file_var}" ] || die "$file_var names a file that cannot be read: ${!file_var}"
  printf -v "$name" '%s' "$(<"${!file_var}")"
  export "${name?}"
}

# ---------------------------------------------------------------- configuration

read_config() {
  load_from_file CLAUDE_CODE_OAUTH_TOKEN
  load_from_file GITHUB_TOKEN
  load_from_file FLAUDE_PROMPT

  local missing=()
  if [ -z "${CLAUDE_CODE_OAUTH_TOKEN:-}" ]; then missing+=(CLAUDE_CODE_OAUTH_TOKEN); fi
  if [ -z "${FLAUDE_PROMPT:-}" ]; then missing+=(FLAUDE_PROMPT); fi
  if [ "${#missing[@]}" -gt 0 ]; then
    local list
    list=$(printf '%s, ' "${missing[@]}")
    die "missing required environment: ${list%, }"
  fi

  OUTPUT_FORMAT=${FLAUDE_OUTPUT_FORMAT:-text}
  case "$OUTPUT_FORMAT" in
    text | json | stream-json) ;;
    *) die "FLAUDE_OUTPUT_FORMAT must be text, json or stream-json, not '$OUTPUT_FORMAT'" ;;
  esac

  RUN_AS=${FLAUDE_RUN_AS:-claude}
  SESSION_ID=${FLAUDE_SESSION_ID:-}
  if [ -n "$SESSION_ID" ] && ! [[ $SESSION_ID =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
    die "FLAUDE_SESSION_ID may hold only letters, digits, '.', '_' and '-'"
  fi
}

# jq program turning FLAUDE_REPOS into one line per repo: url US branch US target_dir (US = \u001f).
# shellcheck disable=SC2016  # $i is a jq variable
readonly REPOS_FILTER='
  if length != 1 then error("FLAUDE_REPOS must be a single JSON array") else .[0] end
  | if . == null then [] else . end
  | if type != "array" then error("FLAUDE_REPOS must be a JSON array") else . end
  | to_entries[]
  | .key as $i
  | .value
  | if type == "string" then {url: .}
    elif type == "object" then .
    else error("FLAUDE_REPOS[\($i)] must be a URL string or an object with a url") end
  | if (.url | type) != "string" or .url == "" then error("FLAUDE_REPOS[\($i)] has no url") else . end
  | [.url, (.branch // ""), (.target_dir // "")]
  | if any(.[]; type != "string" or (explode | any(. < 32 or . == 92)))
    then error("FLAUDE_REPOS[\($i)]: url, branch and target_dir must be strings without control characters or backslashes")
    else . end
  | join("\u001f")'

# Last path segment of a git URL without .git: https://h/o/repo.git -> repo, git@h:o/repo -> repo.
repo_name() {
  local s=${1%/}
  s=${s%.git}
  s=${s##*/}
  printf '%s' "${s##*:}"
}

# Fills REPO_URLS, REPO_BRANCHES and REPO_DIRS (relative to the workspace root) from FLAUDE_REPOS.
parse_repos() {
  REPO_URLS=() REPO_BRANCHES=() REPO_DIRS=()
  local lines line url branch dir out
  if ! out=$(jq -r -s "$REPOS_FILTER" <<<"${FLAUDE_REPOS:-[]}" 2>&1); then
    die "FLAUDE_REPOS is invalid: ${out#jq: error (at <stdin>:*): }"
  fi
  mapfile -t lines <<<"$out"
  local -A seen=()
  for line in "${lines[@]}"; do
    if [ -z "$line" ]; then continue; fi
    IFS=$'\x1f' read -r url branch dir <<<"$line"
    dir=${dir:-$(repo_name "$url")}
    dir=${dir%/}
    case "/$dir/" in
      //* | */../* | */./*) die "repo directory '$dir' for $url must be a relative path inside the workspace" ;;
    esac
    if [ -n "${seen[$dir]:-}" ]; then die "two repos would be cloned into '$dir'"; fi
    seen[$dir]=1
    REPO_URLS+=("$url") REPO_BRANCHES+=("$branch") REPO_DIRS+=("$dir")
  done
}

# Sets MODE, ROOT (workspace root) and, in session mode, MOUNT and CLAUDE_CONFIG_DIR.
setup_layout() {
  if [ -z "$SESSION_ID" ]; then
    MODE=oneshot
    ROOT=${FLAUDE_WORKSPACE:-/workspace}
    ensure_dir "$ROOT"
    if [ -n "${CLAUDE_CONFIG_DIR:-}" ]; then ensure_dir "$CLAUDE_CONFIG_DIR"; fi
    return 0
  fi
  MODE=session
  if [ -n "${FLAUDE_MOUNT_PATH:-}" ]; then
    MOUNT=$FLAUDE_MOUNT_PATH
  elif [ -n "${CLAUDE_CONFIG_DIR:-}" ]; then
    MOUNT=$(dirname -- "$CLAUDE_CONFIG_DIR")
  else
    MOUNT=/data
  fi
  MOUNT=${MOUNT%/}
  [ -d "$MOUNT/" ] || die "session mode needs the volume mounted at $MOUNT (FLAUDE_MOUNT_PATH), but it does not exist"
  export CLAUDE_CONFIG_DIR=${CLAUDE_CONFIG_DIR:-$MOUNT/claude}
  ensure_dir "$CLAUDE_CONFIG_DIR"
  ROOT=$MOUNT/workspace
  ensure_dir "$ROOT"
  log "session $SESSION_ID on volume $MOUNT (CLAUDE_CONFIG_DIR=$CLAUDE_CONFIG_DIR)"
}

# ---------------------------------------------------------------- git

# Credentials reach git through a credential helper scoped to https://github.com. The helper reads
# GITHUB_USERNAME/GITHUB_TOKEN from its environment, so the token is never in a file, a URL or argv,
# and it is configured through GIT_CONFIG_* variables, so it is not in argv either. It stays in
# place for claude's own git commands (push, fetch) during the turn.
setup_git() {
  export GIT_TERMINAL_PROMPT=0
  if [ -z "${GITHUB_TOKEN:-}" ]; then return 0; fi
  FLAUDE_TMP=$(mktemp -d)
  chmod 0755 "$FLAUDE_TMP"
  local helper=$FLAUDE_TMP/git-credential-flaude
  cat >"$helper" <<'EOF'
#!/bin/sh
# git credential helper written by flaude-entrypoint: answers "get" from the environment only.
# git writes the request (protocol=..., host=..., blank line) to stdin; read it all before answering
while IFS= read -r line && [ -n "$line" ]; do :; done
[ "$1" = get ] || exit 0
[ -n "${GITHUB_TOKEN:-}" ] || exit 0
printf 'username=%s\npassword=%s\n' "${GITHUB_USERNAME:-x-access-token}" "$GITHUB_TOKEN"
EOF
  chmod 0755 "$helper"
  export GIT_CONFIG_COUNT=1
  export GIT_CONFIG_KEY_0=credential.https://github.com.helper
  export GIT_CONFIG_VALUE_0=$helper
}

# Clones repo $1 (branch $2, may be empty) into $ROOT/$3 unless a complete clone is already there.
# A clone goes into a sibling temp dir, gets the completion marker, then is renamed into place, so a
# turn that dies mid-clone leaves no half-done repo dir. A repo dir without the marker (a partial
# clone from an older layout, or anything else) is removed and cloned again. Sets CLONE_STATUS.
clone_repo() {
  local url=$1 branch=$2 dir=$3
  local target=$ROOT/$dir
  local partial
  partial=$(dirname -- "$target")/.flaude-partial.$(basename -- "$target")
  if [ -f "$target/.git/$CLONE_MARKER" ]; then
    log "repo $url already cloned in $target; skipping clone"
    CLONE_STATUS=present
    return 0
  fi
  if [ -e "$target" ]; then
    log "repo dir $target has no completed clone; cloning it again"
    rm -rf -- "$target"
  fi
  ensure_dir "$(dirname -- "$target")"
  rm -rf -- "$partial"
  local args=(clone --depth 1)
  if [ -n "$branch" ]; then args+=(--branch "$branch"); fi
  args+=(-- "$url" "$partial")
  log "cloning $url${branch:+ (branch $branch)} into $target"
  if ! as_user git "${args[@]}" 2>&1 | redact_stream '[flaude] git: '; then
    rm -rf -- "$partial"
    die "git clone of $url failed" "$EXIT_CLONE"
  fi
  as_user touch "$partial/.git/$CLONE_MARKER" || die "clone of $url left no .git directory" "$EXIT_CLONE"
  mv -- "$partial" "$target"
  CLONE_STATUS=cloned
}

# Clones every repo and builds REPOS_MANIFEST (JSON array: url without credentials, branch, dir, status).
clone_all() {
  REPOS_MANIFEST='[]'
  local i
  for i in "${!REPO_URLS[@]}"; do
    clone_repo "${REPO_URLS[$i]}" "${REPO_BRANCHES[$i]}" "${REPO_DIRS[$i]}"
    REPOS_MANIFEST=$(jq -c --arg url "$(redact "${REPO_URLS[$i]}")" --arg branch "${REPO_BRANCHES[$i]}" \
      --arg dir "$ROOT/${REPO_DIRS[$i]}" --arg status "$CLONE_STATUS" \
      '. + [{url: $url, branch: (if $branch == "" then null else $branch end), dir: $dir, status: $status}]' \
      <<<"$REPOS_MANIFEST")
  done
}

# ---------------------------------------------------------------- turn

# Sets WORKDIR: the single repo, else the workspace root. In session mode the first choice is kept in
# <mount>/.flaude_cwd and reused by later turns, because claude files a session under its cwd.
choose_workdir() {
  local saved_file=${MOUNT:-}/.flaude_cwd saved
  if [ "$MODE" = session ] && [ -f "$saved_file" ]; then
    saved=$(<"$saved_file")
    if [ -d "$saved" ]; then
      WORKDIR=$saved
      return 0
    fi
    log "saved working dir $saved is gone; choosing again"
  fi
  if [ "${#REPO_DIRS[@]}" -eq 1 ]; then WORKDIR=$ROOT/${REPO_DIRS[0]}; else WORKDIR=$ROOT; fi
  if [ "$MODE" = session ]; then printf '%s\n' "$WORKDIR" >"$saved_file"; fi
}

# Sets TURN: "resume" when claude already wrote the session's transcript
# (<CLAUDE_CONFIG_DIR>/projects/*/<id>.jsonl), "first" otherwise. The transcript, not a marker of
# ours, decides: a turn that died before claude created the session must start it, not resume it.
choose_turn() {
  TURN=""
  if [ "$MODE" != session ]; then return 0; fi
  TURN=first
  local f
  for f in "$CLAUDE_CONFIG_DIR"/projects/*/"$SESSION_ID".jsonl; do
    if [ -e "$f" ]; then TURN=resume; fi
  done
}

print_manifest() {
  local manifest
  manifest=$(jq -cn --arg mode "$MODE" --arg sid "$SESSION_ID" --arg turn "$TURN" --arg workdir "$WORKDIR" \
    --argjson repos "$REPOS_MANIFEST" --arg fmt "$OUTPUT_FORMAT" \
    '{mode: $mode, session_id: (if $sid == "" then null else $sid end),
      turn: (if $turn == "" then null else $turn end), workdir: $workdir, repos: $repos, output_format: $fmt}')
  printf '[flaude:manifest:%s]\n' "$manifest"
}

# Runs claude in the background and waits, so a SIGTERM (machine stop) is forwarded to it and the
# exit marker still carries claude's own exit code. Sets CLAUDE_EXIT.
run_claude() {
  local cmd=(claude -p --output-format "$OUTPUT_FORMAT")
  if [ "$OUTPUT_FORMAT" = stream-json ]; then cmd+=(--verbose); fi
  if [ -n "${FLAUDE_PERMISSION_MODE:-}" ]; then cmd+=(--permission-mode "$FLAUDE_PERMISSION_MODE"); fi
  case "$TURN" in
    first) cmd+=(--session-id "$SESSION_ID") ;;
    resume) cmd+=(--resume "$SESSION_ID") ;;
  esac
  cmd+=(-- "$FLAUDE_PROMPT")
  if drops_privileges; then cmd=(runuser -u "$RUN_AS" -- "${cmd[@]}"); fi

  cd -- "$WORKDIR"
  log "running claude (${TURN:-oneshot} turn, output $OUTPUT_FORMAT) in $WORKDIR"
  CLAUDE_RAN=1
  "${cmd[@]}" </dev/null &
  CLAUDE_PID=$!
  while :; do
    SIGNALLED=0
    CLAUDE_EXIT=0
    wait "$CLAUDE_PID" || CLAUDE_EXIT=$?
    if [ "$SIGNALLED" = 0 ]; then break; fi
  done
}

main() {
  trap on_exit EXIT
  trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR
  trap on_signal TERM INT
  read_config
  parse_repos
  setup_layout
  setup_git
  clone_all
  choose_workdir
  choose_turn
  print_manifest
  run_claude
  exit "$CLAUDE_EXIT"
}

main "$@"
