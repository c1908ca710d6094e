#!/usr/bin/env bash
# Smoke test of a published edgestation binary on a throw-away data directory.
set -uo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
    cat <<'EOF'
usage: scripts/smoke.sh BINARY [--qemu]

Runs `version`, `records add dispute ...`, `records verify` and `sync status --json` against a
temporary data directory, checks that a bad flag is a usage error (exit 2), then starts `demo --port 0`
(seeded demo station served on 127.0.0.1), sends a `records add` through it, and stops it
with SIGTERM (exit 0). Prints `ok - NAME` or `not ok - NAME` per check and ends with
`N passed, N failed`.

  --qemu   run BINARY (linux-arm64) under qemu-aarch64-static on an x64 host:
           qemu-aarch64-static -L /usr/aarch64-linux-gnu \
               -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib BINARY ...
           (without -E it spins at 100 % CPU when libc6:arm64 is also installed)

Each command gets EDGESTATION_SMOKE_TIMEOUT seconds (default 120). Exit 0 when every check
passed, 1 when one failed, 2 usage, 3 environment (no qemu).
EOF
}

binary=""
qemu=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit "$ES_EXIT_OK" ;;
        --qemu) qemu=1; shift ;;
        -*) es_err "unknown option: $1"; usage >&2; exit "$ES_EXIT_USAGE" ;;
        *)
            [[ -z "$binary" ]] || { es_err "only one binary, please"; usage >&2; exit "$ES_EXIT_USAGE"; }
            binary="$1"; shift ;;
    esac
done
[[ -n "$binary" ]] || { es_err "which binary?"; usage >&2; exit "$ES_EXIT_USAGE"; }
[[ -f "$binary" && -x "$binary" ]] || { es_err "not an executable file: $binary"; exit "$ES_EXIT_USAGE"; }

runner=()
if [[ $qemu -eq 1 ]]; then
    command -v qemu-aarch64-static >/dev/null 2>&1 \
        || { es_err "qemu-aarch64-static not found (apt-get install qemu-user-static)"; exit "$ES_EXIT_ENV"; }
    [[ -d /usr/aarch64-linux-gnu/lib ]] \
        || { es_err "/usr/aarch64-linux-gnu/lib not found (apt-get install libc6-arm64-cross)"; exit "$ES_EXIT_ENV"; }
    runner=(qemu-aarch64-static -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib)
    if [[ ! -e /usr/lib/aarch64-linux-gnu/libssl.so.3 && ! -e /usr/aarch64-linux-gnu/lib/libssl.so.3 ]]; then
        printf '# note: no arm64 libssl.so.3; commands that hash (records add/verify) will abort.\n'
        printf '#       dpkg --add-architecture arm64 && apt-get update && apt-get install libssl3:arm64\n'
    fi
fi

timeout_s="${EDGESTATION_SMOKE_TIMEOUT:-120}"
work="$(mktemp -d "${TMPDIR:-/tmp}/edgestation-smoke.XXXXXX")" || { es_err "mktemp failed"; exit "$ES_EXIT_ENV"; }
trap 'rm -rf "$work"' EXIT
data="$work/data"
mkdir -p "$data"

passed=0
failed=0
out=""
err=""
rc=0

# run ARGS...: runs the binary with ARGS; sets out, err and rc.
run() {
    timeout --kill-after=10 "$timeout_s" "${runner[@]}" "$binary" "$@" \
        >"$work/stdout" 2>"$work/stderr" </dev/null
    rc=$?
    out="$(cat "$work/stdout")"
    err="$(cat "$work/stderr")"
}

# check NAME CONDITION_RESULT: prints ok/not ok, and on failure the command's output.
check() {
    local name="$1" result="$2" why="${3:-}"
    if [[ "$result" -eq 0 ]]; then
        passed=$((passed + 1))
        printf 'ok - %s\n' "$name"
    else
        failed=$((failed + 1))
        printf 'not ok - %s\n' "$name"
        [[ -z "$why" ]] || printf '#   %s\n' "$why"
        [[ $rc -ne 124 && $rc -ne 137 ]] || printf '#   timed out after %ss\n' "$timeout_s"
        printf '#   exit %s\n' "$rc"
        [[ -z "$out" ]] || printf '%s\n' "$out" | head -n 20 | sed 's/^/#   stdout: /'
        [[ -z "$err" ]] || printf '%s\n' "$err" | head -n 20 | sed 's/^/#   stderr: /'
    fi
}

printf '# smoke: %s%s\n' "$binary" "$([[ $qemu -eq 1 ]] && printf ' (under qemu-aarch64-static)')"

# 1. version: exit 0, a version number and a git commit.
start="$(es_now)"
run version
ok=1
if [[ $rc -eq 0 && "$out" =~ [0-9]+\.[0-9]+ && "$out" =~ [0-9a-f]{7,} ]]; then ok=0; fi
check "version" "$ok" "expected exit 0 and a version plus a git commit on stdout"
[[ $ok -ne 0 ]] || printf '#   %s (%ss)\n' "$(printf '%s' "$out" | head -n 1)" "$(es_elapsed "$start")"

# 2. records add dispute: exit 0, the new record id alone on stdout.
run --data-dir "$data" records add dispute --category neighbours --parties 2 --risk yellow \
    --summary "Smoke test: boundary wall between two households"
ok=1
id=""
if [[ $rc -eq 0 ]]; then
    id="$out"
    if [[ -n "$id" && "$(printf '%s\n' "$out" | wc -l)" -eq 1 && ! "$id" =~ [[:space:]] ]]; then ok=0; fi
fi
check "records add dispute" "$ok" "expected exit 0 and the new record id alone on stdout"
[[ $ok -ne 0 ]] || printf '#   id %s\n' "$id"

# 3. records verify: exit 0 on the ledger we just wrote.
run --data-dir "$data" records verify
ok=1
[[ $rc -ne 0 ]] || ok=0
check "records verify" "$ok" "expected exit 0 on an intact ledger"

# 4. A bad flag is a usage error: exit 2, nothing written.
run --data-dir "$data" records add dispute --no-such-flag
ok=1
[[ $rc -ne 2 ]] || ok=0
check "bad flag exits 2" "$ok" "expected exit 2 (usage)"

# 4b. sync status (issue 16): exit 0 on a station never provisioned, in JSON, an empty outbox, nothing created.
run --data-dir "$data" --json sync status
ok=1
if [[ $rc -eq 0 && "$out" == *'"provisioned":false'* && "$out" == *'"depth":0,'* && ! -e "$data/outbox.db" ]]; then ok=0; fi
check "sync status" "$ok" "expected exit 0, JSON with provisioned false and depth 0, and no outbox.db created"

# 5. demo serves on loopback; a record write from the command line goes through it; SIGTERM stops it (exit 0).
demo="$work/demo"
demo_binary="$binary"
if [[ $qemu -eq 1 ]]; then
    # ONNX Runtime's arm64 library ends qemu-user with signal 11 as the demo camera starts it (seen 2026-12-02, ORT
    # 1.31.1, qemu 7.2, with or without the model): not what this check is for, and not seen on a board. Under qemu
    # the demo runs from a copy of the published folder without ONNX Runtime and the model, so its camera reports
    # that and retries while everything else is checked. The camera pipeline on arm64 needs the board.
    mkdir -p "$work/published"
    cp -a "$(dirname "$binary")/." "$work/published/"
    rm -f "$work/published/models/"*.onnx "$work/published/"libonnxruntime*.so
    demo_binary="$work/published/$(basename "$binary")"
    printf '# qemu: the demo runs without ONNX Runtime and the detector model (ONNX Runtime crashes under qemu-user)\n'
fi
timeout --kill-after=10 "$timeout_s" "${runner[@]}" "$demo_binary" --data-dir "$demo" demo --port 0 \
    >"$work/demo.out" 2>"$work/demo.err" </dev/null &
demo_pid=$!
url=""
for _ in $(seq 1 "$timeout_s"); do
    url="$(sed -n 's/^open \(http:[^ ]*\)  login: demo  password: .*/\1/p' "$work/demo.out")"
    [[ -z "$url" ]] || break
    kill -0 "$demo_pid" 2>/dev/null || break
    sleep 1
done
out="$(cat "$work/demo.out")"; err="$(cat "$work/demo.err")"; rc=0
ok=1
[[ -z "$url" ]] || ok=0
check "demo serves and prints its login" "$ok" "expected a line 'open http://127.0.0.1:PORT/  login: demo  password: …'"
demo_id=""
if [[ -n "$url" ]]; then
    run --data-dir "$demo" records add case --kind criminal
    ok=1
    if [[ $rc -eq 0 && "$out" =~ ^CS-[0-9]{4}-[0-9]{4}$ ]]; then ok=0; demo_id="$out"; fi
    check "records add goes through the running demo" "$ok" "expected exit 0 and the new case id"
fi
kill -TERM "$demo_pid" 2>/dev/null
wait "$demo_pid"
rc=$?
out="$(cat "$work/demo.out")"; err="$(cat "$work/demo.err")"
ok=1
[[ $rc -ne 0 ]] || ok=0
check "demo stops on SIGTERM with exit 0" "$ok" "expected exit 0"
if [[ -n "$demo_id" ]]; then
    run --data-dir "$demo" records show "$demo_id"
    ok=1
    if [[ $rc -eq 0 && "$out" == *"cli:"* ]]; then ok=0; fi
    check "the write names the command-line user" "$ok" "expected the record's history to name cli:USER"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
