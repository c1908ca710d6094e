#!/usr/bin/env bash
# EdgeStation's benchmark suite: BenchmarkDotNet (ledger append, group commit, verify, indicators),
# then process-level figures of the Native-AOT binary (start time, peak RSS, size), then the service
# (`edgestation run` over 100,000 records: start to ready, idle RSS, kiosk pages under wrk), then logins under a
# flood of 16 clients (`edgestation run` on a fresh data dir: a real user's p50/p95 beside one unloaded login), then the
# township center (issue 16: 2,000 simulated stations pushing at once; the dashboard under wrk over 12 months of 2,000
# villages), then one table
# of targets, results, floors measured in the same run, ratios and pass/fail. docs/benchmarks.md
# says what each figure means.
set -uo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
    cat <<'EOF'
usage: scripts/bench.sh [--quick] [--filter PATTERN] [--size N] [--publish]
                        [--skip-apt] [--skip-bdn] [--skip-process] [--skip-service]
                        [--service-duration S] [--skip-login] [--login-seconds S]
                        [--skip-sustained] [--sustained-seconds S]
                        [--skip-center-load] [--skip-dashboard] [--center-stations N]
                        [--center-db CONN] [--strict]

  --quick          a handful of iterations and runs: a smoke check that everything works,
                   not a measurement (the table says so)
  --filter P       BenchmarkDotNet filter, e.g. '*Verify*' or '*AppendBenchmarks*'
                   (default '*': all). Repeatable. Earlier BenchmarkDotNet results are
                   cleared, so the table shows n/a for what the filter left out.
  --size N         records (and ledger entries) for verify, indicators and `records list`
                   (default 100000: the size the targets are stated for)
  --publish        re-publish artifacts/linux-x64/edgestation first (default: publish only
                   when it is missing)
  --skip-apt       do not run apt-get (hyperfine, time, clang are known to be there)
  --skip-bdn       skip BenchmarkDotNet; keep its earlier results in the table
  --skip-process   skip the process-level measurements (start, RSS, sizes)
  --skip-service   skip the service stage (edgestation run: start to ready, idle RSS,
                   home page and record list under wrk -t2 -c20, beside /healthz/live)
  --service-duration S
                   seconds of wrk per endpoint (default 20; 5 with --quick)
  --skip-login     skip the login stage (edgestation run on a fresh data dir: a real user's
                   login unloaded, then once a second while 16 clients, each from its own
                   loopback address, flood POST /login with random names)
  --login-seconds S
                   seconds of the real user's logins under the flood (default 30; 8 with --quick)
  --skip-sustained skip the sustained-append stage (64 writers appending through AppendAsync
                   on a fresh store, then bare LiteDB inserts in batches of the same size)
  --sustained-seconds S
                   seconds of the 64 writers (default 60; 8 with --quick)
  --skip-center-load
                   skip the center load stage (center-load: N simulated stations, each enrolled with
                   its own certificate, reconnect at once and drain 24 envelopes each over loopback
                   mTLS, then push every 30 s for 60 s: ack p50/p95/p99, the center's CPU and RSS)
  --skip-dashboard skip the center dashboard stage (center-seed: 12 months of daily closes of N villages
                   through the store API; then edgestation-center run, wrk -t2 -c20 on the
                   dashboard's first page / and a village's trends (as an official) beside
                   /healthz/live, and the monthly ranking timed alone)
  --center-stations N
                   simulated stations and seeded villages (default 2000; 200 with --quick)
  --center-db CONN run both center stages on PostgreSQL (an Npgsql connection string) instead of
                   the embedded LiteDB file
  --strict         exit 1 when a target is missed (default: exit 0 once everything ran)

Results: artifacts/bench/ (summary.md, bdn/results/, process/, logs/). The ledgers the
benchmarks read are built once per build of the code and kept in artifacts/bench/data/.
Exit codes: 0 ran, 1 a step failed (or a target missed with --strict), 2 usage, 3 environment.
Environment: EDGESTATION_BENCH_TMP (where the append benchmarks create their files; default
artifacts/bench/tmp, which must be on a real disk: fsync on tmpfs measures nothing).
EOF
}

quick=0
size=100000
publish=0
skip_apt=0
skip_bdn=0
skip_process=0
skip_service=0
service_duration=""
skip_login=0
login_seconds=""
strict=0
skip_sustained=0
sustained_seconds=""
skip_center_load=0
skip_dashboard=0
center_stations=""
center_db=""
filters=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit "$ES_EXIT_OK" ;;
        --quick) quick=1; shift ;;
        --filter)
            [[ $# -ge 2 && -n "$2" ]] || { es_err "--filter needs a pattern"; usage >&2; exit "$ES_EXIT_USAGE"; }
            filters+=("$2"); shift 2 ;;
        --filter=*) filters+=("${1#--filter=}"); shift ;;
        --size)
            [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { es_err "--size needs a positive number"; usage >&2; exit "$ES_EXIT_USAGE"; }
            size="$2"; shift 2 ;;
        --publish) publish=1; shift ;;
        --skip-apt) skip_apt=1; shift ;;
        --skip-bdn) skip_bdn=1; shift ;;
        --skip-process) skip_process=1; shift ;;
        --skip-service) skip_service=1; shift ;;
        --service-duration)
            [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { es_err "--service-duration needs a number of seconds"; usage >&2; exit "$ES_EXIT_USAGE"; }
            service_duration="$2"; shift 2 ;;
        --skip-login) skip_login=1; shift ;;
        --login-seconds)
            [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { es_err "--login-seconds needs a number of seconds"; usage >&2; exit "$ES_EXIT_USAGE"; }
            login_seconds="$2"; shift 2 ;;
        --skip-sustained) skip_sustained=1; shift ;;
        --sustained-seconds)
            [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { es_err "--sustained-seconds needs a number of seconds"; usage >&2; exit "$ES_EXIT_USAGE"; }
            sustained_seconds="$2"; shift 2 ;;
        --skip-center-load) skip_center_load=1; shift ;;
        --skip-dashboard) skip_dashboard=1; shift ;;
        --center-stations)
            [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { es_err "--center-stations needs a positive number"; usage >&2; exit "$ES_EXIT_USAGE"; }
            center_stations="$2"; shift 2 ;;
        --center-db)
            [[ $# -ge 2 && -n "$2" ]] || { es_err "--center-db needs a connection string"; usage >&2; exit "$ES_EXIT_USAGE"; }
            center_db="$2"; shift 2 ;;
        --strict) strict=1; shift ;;
        *) es_err "unknown argument: $1"; usage >&2; exit "$ES_EXIT_USAGE" ;;
    esac
done
[[ ${#filters[@]} -gt 0 ]] || filters=('*')

cd "$ES_ROOT" || exit "$ES_EXIT_ENV"
exec </dev/null
command -v dotnet >/dev/null 2>&1 || { es_err "dotnet not found on PATH"; exit "$ES_EXIT_ENV"; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_XMLDOC_MODE=skip MSBUILDTERMINALLOGGER=off MSBUILDDISABLENODEREUSE=1

out="$ES_ROOT/artifacts/bench"
logs="$out/logs"
proc="$out/process"
mkdir -p "$logs" "$proc" "$out/data"
export EDGESTATION_BENCH_DATA="$out/data"
export EDGESTATION_BENCH_SIZE="$size"
export EDGESTATION_BENCH_TMP="${EDGESTATION_BENCH_TMP:-$out/tmp}"
mkdir -p "$EDGESTATION_BENCH_TMP"
if [[ "$(stat -f -c %T "$EDGESTATION_BENCH_TMP" 2>/dev/null)" == "tmpfs" ]]; then
    es_err "warning: $EDGESTATION_BENCH_TMP is on tmpfs: fsync costs nothing there, the append figures mean nothing"
fi

project="$ES_ROOT/benchmarks/EdgeStation.Benchmarks/EdgeStation.Benchmarks.csproj"
bench_dll="$ES_ROOT/benchmarks/EdgeStation.Benchmarks/bin/Release/net10.0/EdgeStation.Benchmarks.dll"
binary="$ES_ROOT/artifacts/linux-x64/edgestation"
run_start="$(es_now)"
failed_steps=()

phase() { printf '\n== %s\n' "$*"; }
step_failed() { failed_steps+=("$1"); es_err "$1 failed${2:+ (see $2)}"; }

# ---------------------------------------------------------------- packages
if [[ $skip_apt -eq 0 ]]; then
    phase "packages (hyperfine, time, wrk, curl, AOT toolchain)"
    if ! ES_APT_LOG="$logs/apt.log" es_apt_install --always-update hyperfine time wrk curl "${ES_APT_X64[@]}"; then
        es_err "could not install hyperfine/time/wrk/curl/clang (see $logs/apt.log)"
        exit "$ES_EXIT_ENV"
    fi
fi

# ---------------------------------------------------------------- machine
phase "machine"
{
    printf 'date: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'commit: %s%s\n' "$(git -C "$ES_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
        "$(git -C "$ES_ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src has uncommitted changes)')"
    printf 'cpu: %s\n' "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
    printf 'nproc: %s\n' "$(nproc)"
    printf 'memory: %s GiB total\n' "$(free -g | awk '/^Mem:/ { print $2 }')"
    printf 'load average at start: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'kernel: %s\n' "$(uname -r)"
    printf 'dotnet sdk: %s\n' "$(dotnet --version)"
    printf 'disk of %s: %s\n' "${EDGESTATION_BENCH_TMP#"$ES_ROOT"/}" "$(df -T "$EDGESTATION_BENCH_TMP" | awk 'NR == 2 { print $2 " " $1 }')"
    [[ $quick -eq 1 ]] && printf 'mode: --quick (smoke check, not a measurement)\n'
} | tee "$out/machine.txt"

# ---------------------------------------------------------------- build
phase "build (Release)"
if ! dotnet build "$project" -c Release -nologo -tl:off -v:minimal >"$logs/build.log" 2>&1; then
    step_failed "build" "$logs/build.log"
    tail -n 20 "$logs/build.log" >&2
    exit "$ES_EXIT_FAILED"
fi
bench() { dotnet "$bench_dll" "$@"; }

# ---------------------------------------------------------------- data
phase "benchmark data ($size records; $size ledger entries)"
records_dir="$out/data/records-$size"
if ! bench make-data "$records_dir" "$size" 2>&1 | tee "$logs/data.log"; then
    step_failed "make-data (records)" "$logs/data.log"
fi
if ! bench make-data "$out/data/entries-$size" "$size" --entries 2>&1 | tee -a "$logs/data.log"; then
    step_failed "make-data (entries)" "$logs/data.log"
fi

# ---------------------------------------------------------------- BenchmarkDotNet
if [[ $skip_bdn -eq 0 ]]; then
    mode=""; [[ $quick -eq 1 ]] && mode=", --quick"
    phase "BenchmarkDotNet (filter ${filters[*]}$mode)"
    rm -rf "$out/bdn"
    bdn_args=(--filter "${filters[@]}" --artifacts "$out/bdn")
    [[ $quick -eq 1 ]] && bdn_args+=(--quick)
    # The full log goes to a file; the console gets the result tables.
    bench "${bdn_args[@]}" >"$logs/bdn.log" 2>&1
    bdn_rc=$?
    awk '/^\/\/ \* Summary \*/ { on = 1 } /^\/\/ \* (Warnings|Hints|Legends) \*/ { on = 0 } on' "$logs/bdn.log"
    [[ $bdn_rc -eq 0 ]] || step_failed "BenchmarkDotNet (exit $bdn_rc)" "$logs/bdn.log"
fi

# ---------------------------------------------------------------- shared by the process and service stages
# ensure_binary: artifacts/linux-x64/edgestation, published when missing or with --publish (once per run).
binary_checked=0
ensure_binary() {
    [[ $binary_checked -eq 0 ]] || return 0
    binary_checked=1
    if [[ $publish -eq 1 || ! -x "$binary" ]]; then
        es_log "publishing artifacts/linux-x64/edgestation"
        if [[ -f "$ES_ROOT/scripts/publish.sh" ]]; then
            bash "$ES_ROOT/scripts/publish.sh" linux-x64 >"$logs/publish.log" 2>&1 || step_failed "publish linux-x64" "$logs/publish.log"
        else
            dotnet publish "$ES_ROOT/src/EdgeStation.Station" -c Release -r linux-x64 -o "$ES_ROOT/artifacts/linux-x64" \
                -nologo -tl:off -v:minimal >"$logs/publish.log" 2>&1 || step_failed "publish linux-x64" "$logs/publish.log"
        fi
    elif [[ -n "$(find "$ES_ROOT/src" \( -name bin -o -name obj \) -prune -o -newer "$binary" -type f \( -name '*.cs' -o -name '*.csproj' \) -print -quit)" ]]; then
        es_err "warning: sources are newer than artifacts/linux-x64/edgestation; its figures are of the older build (use --publish)"
    fi
}

# ensure_hello: the floor, a hello-world Native-AOT console app, same SDK and runtime pin, same size and GC
# settings, published into artifacts/bench/hello (once per run).
hello_out="$out/hello"
hello="$hello_out/hello"
hello_built=0
ensure_hello() {
    [[ $hello_built -eq 0 ]] || return 0
    hello_built=1
    local hello_src rid_version
    hello_src="$(mktemp -d)"
    rid_version="$(sed -n 's/.*<RuntimeFrameworkVersion[^>]*>\([^<]*\)<.*/\1/p' "$ES_ROOT/Directory.Build.props" | head -n1)"
    cp "$ES_ROOT/global.json" "$hello_src/"
    cat >"$hello_src/hello.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>hello</AssemblyName>
    <ImplicitUsings>enable</ImplicitUsings>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ServerGarbageCollector>false</ServerGarbageCollector>
    <StripSymbols>true</StripSymbols>
    <OptimizationPreference>Size</OptimizationPreference>
    ${rid_version:+<RuntimeFrameworkVersion>$rid_version</RuntimeFrameworkVersion>}
  </PropertyGroup>
</Project>
EOF
    printf 'Console.WriteLine("hello");\n' >"$hello_src/Program.cs"
    rm -rf "$hello_out"
    if ! dotnet publish "$hello_src/hello.csproj" -c Release -r linux-x64 -o "$hello_out" -nologo -tl:off -v:minimal \
        >"$logs/hello-publish.log" 2>&1; then
        step_failed "hello-world AOT publish" "$logs/hello-publish.log"
    fi
    rm -rf "$hello_src"
}

# ---------------------------------------------------------------- process level
if [[ $skip_process -eq 0 ]]; then
    phase "process level: AOT start, peak RSS, binary size"
    metrics="$proc/metrics.tsv"
    : >"$metrics"
    printf 'size\t%s\n' "$size" >>"$metrics"
    rm -f "$proc/start.json" "$proc/list.json"

    ensure_binary
    ensure_hello

    if [[ -x "$binary" && -x "$hello" ]]; then
        runs=(); [[ $quick -eq 1 ]] && runs=(--runs 5)
        es_log "start: hyperfine -N --warmup 3 (edgestation version vs hello world)"
        if ! hyperfine -N --warmup 3 "${runs[@]}" --style basic --export-json "$proc/start.json" \
            -n edgestation "$binary version" -n hello "$hello" 2>&1 | tee "$logs/hyperfine-start.log"; then
            step_failed "hyperfine (start)" "$logs/hyperfine-start.log"
        fi

        # Peak RSS: the largest of several runs, as /usr/bin/time -f %M reports it (KiB).
        peak_rss() {
            local key="$1" n="$2"; shift 2
            local i kb max=0 all=()
            for ((i = 0; i < n; i++)); do
                if ! /usr/bin/time -f '%M' -o "$proc/rss-$key.tmp" "$@" >/dev/null 2>"$logs/rss-$key.err"; then
                    step_failed "$key run: $*" "$logs/rss-$key.err"
                    return 1
                fi
                kb="$(tail -n1 "$proc/rss-$key.tmp")"
                all+=("$kb")
                ((kb > max)) && max="$kb"
            done
            rm -f "$proc/rss-$key.tmp"
            printf 'rss_%s_kb\t%s\nrss_%s_runs_kb\t%s\n' "$key" "$max" "$key" "${all[*]}" >>"$metrics"
            es_log "peak RSS $key: $max KiB (runs: ${all[*]})"
        }
        rss_runs=5; [[ $quick -eq 1 ]] && rss_runs=2
        # Check once that the list really walks every record.
        listed="$("$binary" records list --data-dir "$records_dir" 2>"$logs/list.err" | tail -n1)"
        es_log "records list: $listed"
        [[ "$listed" == "($size records)" ]] || step_failed "records list printed '$listed', expected ($size records)" "$logs/list.err"
        peak_rss list "$rss_runs" "$binary" records list --data-dir "$records_dir"
        peak_rss hello "$rss_runs" "$hello"

        list_runs=5; [[ $quick -eq 1 ]] && list_runs=2
        hyperfine -N --warmup 1 --runs "$list_runs" --style basic --export-json "$proc/list.json" \
            -n edgestation "$binary records list --data-dir $records_dir" >"$logs/hyperfine-list.log" 2>&1 \
            || step_failed "hyperfine (records list)" "$logs/hyperfine-list.log"
    else
        es_err "no AOT binary to measure (edgestation: $binary, hello: $hello)"
        [[ -x "$binary" ]] || step_failed "artifacts/linux-x64/edgestation missing"
    fi

    for rid in linux-x64 linux-arm64; do
        f="$ES_ROOT/artifacts/$rid/edgestation"
        if [[ -f "$f" ]]; then
            printf 'size_%s_bytes\t%s\n' "${rid//-/_}" "$(stat -c %s "$f")" >>"$metrics"
        fi
    done
    [[ -f "$hello" ]] && printf 'size_hello_bytes\t%s\n' "$(stat -c %s "$hello")" >>"$metrics"
fi

# ---------------------------------------------------------------- service
# `edgestation run` over a copy of the records-$size data dir, as a station runs it: start to ready (exec until
# /healthz answers 200), idle RSS (VmRSS) after ready and after the load, and the kiosk's home page and record
# list under wrk -t2 -c20 with a logged-in official's session, beside /healthz/live (the floor: Kestrel, routing,
# the access middleware, no data) in the same run. Raw output: artifacts/bench/service/.
if [[ $skip_service -eq 0 ]]; then
    phase "service: edgestation run over $size records (start to ready, idle RSS, wrk -t2 -c20)"
    svc="$out/service"
    rm -rf "$svc"
    mkdir -p "$svc"
    svc_metrics="$svc/metrics.tsv"
    printf 'size\t%s\n' "$size" >"$svc_metrics"
    duration="${service_duration:-20}"; [[ -z "$service_duration" && $quick -eq 1 ]] && duration=5
    ready_runs=9; [[ $quick -eq 1 ]] && ready_runs=3
    ensure_binary
    ensure_hello

    svc_ok=1
    for tool in wrk curl; do
        command -v "$tool" >/dev/null 2>&1 || { step_failed "service stage: $tool is not installed (run without --skip-apt)"; svc_ok=0; }
    done
    [[ -x "$binary" && -x "$hello" ]] || { step_failed "service stage: no AOT binary to measure (edgestation: $binary, hello: $hello)"; svc_ok=0; }
    [[ -f "$records_dir/station.db" ]] || { step_failed "service stage: no data dir $records_dir"; svc_ok=0; }

    svc_data="$svc/data"
    svc_log="$logs/service-run.log"
    : >"$svc_log"
    svc_pid=""
    # A free port on 127.0.0.1: ask the kernel for one (bind to port 0), then use it.
    free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000)); }
    # An idle wait without spawning a process: read with a timeout from a FIFO nobody writes to.
    mkfifo "$svc/idle.fifo"
    exec {idle_fd}<>"$svc/idle.fifo"
    nap() { read -r -t "$1" -u "$idle_fd" _ || true; }
    # healthz PORT: 0 when GET /healthz answers 200 (bash's /dev/tcp, no process per poll).
    healthz() {
        local fd line
        { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
        printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$fd"
        IFS= read -r -t 2 line <&"$fd"
        exec {fd}>&-
        [[ "$line" == "HTTP/1."?" 200"* ]]
    }
    # svc_start PORT: starts the service in the background (svc_pid); svc_wait_ready PORT prints the
    # microseconds from just before the exec until /healthz answered 200 (or fails after 30 s).
    svc_start() {
        svc_t0="$EPOCHREALTIME"
        "$binary" run --data-dir "$svc_data" --urls "http://127.0.0.1:$1" >>"$svc_log" 2>&1 &
        svc_pid=$!
    }
    svc_wait_ready() {
        local t1 deadline=$((${EPOCHREALTIME//[.,]/} + 30000000))
        until healthz "$1"; do
            if ! kill -0 "$svc_pid" 2>/dev/null || ((${EPOCHREALTIME//[.,]/} > deadline)); then
                return 1
            fi
            nap 0.002
        done
        t1="$EPOCHREALTIME"
        echo $((${t1//[.,]/} - ${svc_t0//[.,]/}))
    }
    svc_stop() {
        [[ -n "$svc_pid" ]] || return 0
        kill -TERM "$svc_pid" 2>/dev/null
        wait "$svc_pid" 2>/dev/null
        svc_pid=""
    }
    rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
    median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
    trap 'svc_stop' EXIT

    if [[ $svc_ok -eq 1 ]]; then
        es_log "copying $records_dir to ${svc_data#"$ES_ROOT"/} (the cached data dir stays as it is)"
        cp -a "$records_dir" "$svc_data"
        svc_user="bench-official"
        svc_secret="bench-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
        if ! printf '%s\n' "$svc_secret" | "$binary" users add --role official "$svc_user" --password-stdin --data-dir "$svc_data" \
            >"$logs/service-users.log" 2>&1; then
            step_failed "edgestation users add" "$logs/service-users.log"
            svc_ok=0
        fi
    fi

    port="$(free_port)"
    cookie_jar="$svc/cookies.txt"
    login() {
        rm -f "$cookie_jar"
        local code
        code="$(curl -s -o "$svc/login.json" -w '%{http_code}' -c "$cookie_jar" -H 'Content-Type: application/json' \
            --data "{\"name\":\"$svc_user\",\"secret\":\"$svc_secret\"}" "http://127.0.0.1:$port/login")"
        [[ "$code" == 200 ]] || { es_err "POST /login answered $code: $(cat "$svc/login.json" 2>/dev/null)"; return 1; }
        session_cookie="$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) c = $6 "=" $7 } END { print c }' "$cookie_jar")"
        [[ -n "$session_cookie" ]]
    }
    # page PATH: prints "status seconds" of one logged-in GET.
    page() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $session_cookie" "http://127.0.0.1:$port$1"; }

    # 1. The first start after this build: nothing but the ledger, so the first page that needs the record
    #    summaries reads every record from LiteDB once (what a station does once after the upgrade, or after a
    #    crash lost records.summary). The clean stop writes records.summary; the runs below start from it.
    if [[ $svc_ok -eq 1 ]]; then
        es_log "first start (record summaries rebuilt from the ledger)"
        svc_start "$port"
        if svc_wait_ready "$port" >/dev/null && login; then
            read -r code secs <<<"$(page /)"
            [[ "$code" == 200 ]] || step_failed "GET / answered $code on the first start" "$svc_log"
            printf 'first_home_rebuilt_s\t%s\nrss_after_rebuild_kb\t%s\n' "$secs" "$(rss_kb "$svc_pid")" >>"$svc_metrics"
            es_log "  first GET / (summaries rebuilt): ${secs}s, VmRSS $(rss_kb "$svc_pid") KiB"
        else
            step_failed "edgestation run did not become ready (first start)" "$svc_log"
            svc_ok=0
        fi
        svc_stop
        [[ -f "$svc_data/records.summary" ]] || es_err "warning: no records.summary after a clean stop"
    fi

    # 2. Start to ready, several runs: exec until /healthz answers 200, then a clean stop. The floor: the
    #    hello world from exec to exit, timed the same way.
    if [[ $svc_ok -eq 1 ]]; then
        es_log "start to ready: $ready_runs runs"
        ready=()
        for ((i = 0; i < ready_runs; i++)); do
            svc_start "$port"
            if us="$(svc_wait_ready "$port")"; then
                ready+=("$us")
            else
                step_failed "edgestation run did not become ready (start-to-ready run $((i + 1)))" "$svc_log"
                svc_stop
                svc_ok=0
                break
            fi
            svc_stop
        done
        hello_runs=()
        for ((i = 0; i < ready_runs; i++)); do
            t0="$EPOCHREALTIME"; "$hello" >/dev/null; t1="$EPOCHREALTIME"
            hello_runs+=($((${t1//[.,]/} - ${t0//[.,]/})))
        done
        printf 'ready_us_runs\t%s\nready_us\t%s\nhello_exec_us_runs\t%s\nhello_exec_us\t%s\n' \
            "${ready[*]}" "$(printf '%s\n' "${ready[@]}" | median)" "${hello_runs[*]}" "$(printf '%s\n' "${hello_runs[@]}" | median)" >>"$svc_metrics"
        es_log "  start to ready (µs): ${ready[*]}; hello world exec to exit (µs): ${hello_runs[*]}"
        hello_max=0
        for ((i = 0; i < 3; i++)); do
            /usr/bin/time -f '%M' -o "$svc/hello-rss.tmp" "$hello" >/dev/null 2>&1 && kb="$(tail -n1 "$svc/hello-rss.tmp")" && ((kb > hello_max)) && hello_max="$kb"
        done
        printf 'hello_rss_kb\t%s\n' "$hello_max" >>"$svc_metrics"
    fi

    # 3. The service under load: ready, idle RSS, log in, one request to each page (the first home page loads
    #    records.summary), then wrk on each endpoint in turn, then idle RSS again.
    if [[ $svc_ok -eq 1 ]]; then
        svc_start "$port"
        if svc_wait_ready "$port" >/dev/null; then
            nap 2
            printf 'rss_ready_kb\t%s\n' "$(rss_kb "$svc_pid")" >>"$svc_metrics"
            es_log "  idle VmRSS after ready: $(rss_kb "$svc_pid") KiB"
            if login; then
                read -r code secs <<<"$(page /)"
                printf 'first_home_s\t%s\n' "$secs" >>"$svc_metrics"
                es_log "  first GET / (summaries from records.summary): $code in ${secs}s"
                for path in / "/records/dispute" /healthz/live; do
                    read -r code secs <<<"$(page "$path")"
                    [[ "$code" == 200 ]] || step_failed "GET $path answered $code before the load" "$svc_log"
                done
                for endpoint in live:/healthz/live home:/ list:/records/dispute; do
                    key="${endpoint%%:*}"; path="${endpoint#*:}"
                    es_log "  wrk -t2 -c20 -d${duration}s $path"
                    if wrk -t2 -c20 -d"${duration}s" --timeout 10s -s "$ES_ROOT/scripts/lib/wrk-percentiles.lua" \
                        -H "Cookie: $session_cookie" "http://127.0.0.1:$port$path" >"$svc/wrk-$key.txt" 2>&1; then
                        awk -F'\t' -v k="$key" 'NF == 2 && $1 ~ /^(requests|duration_us|errors|status_errors|timeouts|p50_us|p95_us|p99_us|max_us)$/ { print "wrk_" k "_" $1 "\t" $2 }' \
                            "$svc/wrk-$key.txt" >>"$svc_metrics"
                        grep -E '^(  Latency|Requests/sec|  Non-2xx)' "$svc/wrk-$key.txt" | sed 's/^/    /'
                    else
                        step_failed "wrk $path" "$svc/wrk-$key.txt"
                    fi
                done
                # The session must still be good: a 302 to /login would have counted as a fast answer.
                for path in / "/records/dispute"; do
                    read -r code secs <<<"$(page "$path")"
                    [[ "$code" == 200 ]] || step_failed "GET $path answered $code after the load (session lost?)" "$svc_log"
                done
                nap 5
                printf 'rss_after_load_kb\t%s\n' "$(rss_kb "$svc_pid")" >>"$svc_metrics"
                es_log "  idle VmRSS 5 s after the load: $(rss_kb "$svc_pid") KiB"
            else
                step_failed "login as $svc_user" "$svc_log"
            fi
        else
            step_failed "edgestation run did not become ready (load run)" "$svc_log"
        fi
        svc_stop
    fi
    trap - EXIT
    exec {idle_fd}>&-
    rm -rf "$svc_data" "$svc/idle.fifo" "$cookie_jar" "$svc/login.json" "$svc/hello-rss.tmp"
    printf 'load_average_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$svc_metrics"
fi

# ---------------------------------------------------------------- sustained appends
# Issue 19: 64 writers append disputes through AppendAsync for 60 s on a fresh store (a real disk); acknowledged
# appends per second and the writer's time and allocations per step, beside bare LiteDB inserts in transactions of
# the batch size the store averaged (the apply rate LiteDB allows). Raw output: artifacts/bench/sustained/.
if [[ $skip_sustained -eq 0 ]]; then
    phase "sustained appends: 64 writers through AppendAsync, beside bare LiteDB inserts"
    su="$out/sustained"
    rm -rf "$su" "$EDGESTATION_BENCH_TMP/sustained"
    mkdir -p "$su"
    su_seconds="${sustained_seconds:-60}"; [[ -z "$sustained_seconds" && $quick -eq 1 ]] && su_seconds=8
    printf 'nproc\t%s\n' "$(nproc)" >"$su/metrics.tsv"
    if bench sustained-append "$EDGESTATION_BENCH_TMP/sustained" "$su/run.tsv" --writers 64 --seconds "$su_seconds" \
        >"$logs/sustained.log" 2>&1; then
        sed 's/^/sustained_/' "$su/run.tsv" >>"$su/metrics.tsv"
        cat "$su/run.tsv"
    else
        step_failed "sustained appends" "$logs/sustained.log"
    fi
    rm -rf "$EDGESTATION_BENCH_TMP/sustained"
fi

# ---------------------------------------------------------------- login under flood
# Issue 15, item 4: `edgestation run` on a fresh data dir with one official; the real user's login unloaded (the
# floor), then while 16 clients, each from its own loopback address (127.0.0.2 …, network clients to the station),
# post random names to /login as fast as they are answered, the real user logs in once a second from a device of
# their own. Target: p95 ≤ 1 s. Raw output: artifacts/bench/login/.
if [[ $skip_login -eq 0 ]]; then
    phase "login under flood: 16 clients posting random names, a real user logging in once a second"
    lg="$out/login"
    rm -rf "$lg"
    mkdir -p "$lg/data"
    lg_seconds="${login_seconds:-30}"; [[ -z "$login_seconds" && $quick -eq 1 ]] && lg_seconds=8
    ensure_binary
    lg_user="bench-official"
    lg_secret="bench-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
    lg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000)))"
    lg_pid=""
    lg_log="$logs/login-run.log"
    if [[ ! -x "$binary" ]]; then
        step_failed "login stage: no AOT binary ($binary)"
    elif ! printf '%s\n' "$lg_secret" | "$binary" users add --role official "$lg_user" --password-stdin --data-dir "$lg/data" \
        >"$logs/login-users.log" 2>&1; then
        step_failed "login stage: edgestation users add" "$logs/login-users.log"
    else
        "$binary" run --data-dir "$lg/data" --urls "http://127.0.0.1:$lg_port" >"$lg_log" 2>&1 &
        lg_pid=$!
        trap '[[ -n "$lg_pid" ]] && kill -TERM "$lg_pid" 2>/dev/null' EXIT
        lg_ready=0
        for ((i = 0; i < 300; i++)); do
            if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$lg_port/healthz/live"; then lg_ready=1; break; fi
            kill -0 "$lg_pid" 2>/dev/null || break
            sleep 0.1
        done
        if [[ $lg_ready -eq 1 ]]; then
            printf 'nproc\t%s\n' "$(nproc)" >"$lg/metrics.tsv"
            if ! bench login-flood "http://127.0.0.1:$lg_port" "$lg_user" "$lg_secret" "$lg/flood.tsv" --clients 16 --seconds "$lg_seconds" \
                2>&1 | tee "$logs/login-flood.log"; then
                step_failed "login under flood (the real user was refused at least once)" "$logs/login-flood.log"
            fi
            [[ -f "$lg/flood.tsv" ]] && sed 's/^/login_/' "$lg/flood.tsv" >>"$lg/metrics.tsv"
        else
            step_failed "login stage: edgestation run did not become ready" "$lg_log"
        fi
        kill -TERM "$lg_pid" 2>/dev/null
        wait "$lg_pid" 2>/dev/null
        lg_pid=""
        trap - EXIT
    fi
    rm -rf "$lg/data"
fi

# ---------------------------------------------------------------- the township center
# Issue 16. center-load: N simulated stations (each enrolled with its own certificate, issued once per run through the
# store and the CA) against `edgestation-center run` in a child process: all reconnect at once and drain 24 envelopes
# each, then each pushes one every 30 s for 60 s; ack latency, the center's CPU and RSS. Then the dashboard: 12 months
# of daily closes of N villages seeded through the store API, the center started on them, and wrk -t2 -c20 on the
# dashboard `/` (its first page) and a village's 12-month trends (as an official, HTTP Basic) beside `/healthz/live`
# (the floor: Kestrel and routing, no store); the monthly ranking timed alone. Raw output: artifacts/bench/center/.
bench_dir="$(dirname "$bench_dll")"
n_center="${center_stations:-2000}"; [[ -z "$center_stations" && $quick -eq 1 ]] && n_center=200
center_db_args=(); [[ -n "$center_db" ]] && center_db_args=(--db "$center_db")
if [[ $skip_center_load -eq 0 || $skip_dashboard -eq 0 ]]; then
    mkdir -p "$out/center"
fi
if [[ $skip_center_load -eq 0 ]]; then
    phase "center load: $n_center simulated stations pushing at once, then every 30 s"
    steady=60; [[ $quick -eq 1 ]] && steady=10
    if ! bench center-load "$EDGESTATION_BENCH_TMP/center-load" "$out/center/load.tsv" --stations "$n_center" --backlog 24 \
        --steady-seconds "$steady" --interval 30 "${center_db_args[@]}" 2>"$logs/center-load.log"; then
        step_failed "center load" "$logs/center-load.log"
    fi
    cp "$EDGESTATION_BENCH_TMP/center-load/center.log" "$logs/center-load-center.log" 2>/dev/null
    rm -rf "$EDGESTATION_BENCH_TMP/center-load"
fi
if [[ $skip_dashboard -eq 0 ]]; then
    phase "center dashboard: 12 months of $n_center villages, wrk -t2 -c20"
    db_dir="$EDGESTATION_BENCH_TMP/center-dashboard"
    rm -rf "$db_dir"
    duration="${service_duration:-20}"; [[ -z "$service_duration" && $quick -eq 1 ]] && duration=5
    dm="$out/center/dashboard.tsv"
    printf 'stations\t%s\nmonths\t12\nload_average_start\t%s\n' "$n_center" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$dm"
    center_pid=""
    if ! seeded="$(bench center-seed "$db_dir" --stations "$n_center" --months 12 "${center_db_args[@]}" 2>"$logs/center-seed.log")"; then
        step_failed "center-seed" "$logs/center-seed.log"
    else
        printf 'seed\t%s\n' "$seeded" >>"$dm"
        dash_user="bench-official"
        dash_secret="bench-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
        printf '%s\n' "$dash_secret" | dotnet "$bench_dir/edgestation-center.dll" users add "$dash_user" --role official --data-dir "$db_dir" >/dev/null 2>"$logs/center-users.log" \
            || step_failed "edgestation-center users add" "$logs/center-users.log"
        admin_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
        tls_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
        dotnet "$bench_dir/edgestation-center.dll" run --data-dir "$db_dir" --urls "https://127.0.0.1:$tls_port" --admin-port "$admin_port" \
            "${center_db_args[@]}" >"$logs/center-dashboard-run.log" 2>&1 &
        center_pid=$!
        trap '[[ -n "$center_pid" ]] && kill -TERM "$center_pid" 2>/dev/null' EXIT
        base="http://127.0.0.1:$admin_port"
        for ((i = 0; i < 600; i++)); do
            curl -s -o /dev/null --max-time 1 "$base/healthz/live" && break
            kill -0 "$center_pid" 2>/dev/null || break
            sleep 0.1
        done
        month="$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 day" +%Y-%m)"
        auth="Authorization: Basic $(printf '%s:%s' "$dash_user" "$dash_secret" | base64 -w0)"
        # The monthly ranking reads every village's daily closes of the month (2,000 × ~30): a report opened now and
        # then, not a page under load: three requests one after another.
        for ((i = 1; i <= 3; i++)); do
            code="$(curl -s -o "$out/center/page-ranking.html" -w '%{http_code} %{time_total}' -H "$auth" "$base/reports/ranking?month=$month")"
            printf 'ranking_%s\t%s\n' "$i" "$code" >>"$dm"
            [[ "$code" == 200\ * ]] || step_failed "GET /reports/ranking answered $code" "$logs/center-dashboard-run.log"
        done
        for endpoint in "live:/healthz/live" "home:/" "trends:/villages/village-00001/trends?to=$month"; do
            key="${endpoint%%:*}"; path="${endpoint#*:}"
            code="$(curl -s -o "$out/center/page-$key.html" -w '%{http_code} %{time_total} %{size_download}' -H "$auth" "$base$path")"
            printf '%s_first\t%s\n' "$key" "$code" >>"$dm"
            [[ "$code" == 200\ * ]] || step_failed "GET $path answered $code" "$logs/center-dashboard-run.log"
            # A short warm-up of each page (the JIT), then the measured run.
            wrk -t2 -c20 -d3s --timeout 30s -H "$auth" "$base$path" >/dev/null 2>&1
            es_log "  wrk -t2 -c20 -d${duration}s $path"
            if wrk -t2 -c20 -d"${duration}s" --timeout 30s -s "$ES_ROOT/scripts/lib/wrk-percentiles.lua" -H "$auth" "$base$path" >"$out/center/wrk-$key.txt" 2>&1; then
                awk -F'\t' -v k="$key" 'NF == 2 { print "wrk_" k "_" $1 "\t" $2 }' "$out/center/wrk-$key.txt" >>"$dm"
                grep -E '^(  Latency|Requests/sec|  Non-2xx)' "$out/center/wrk-$key.txt" | sed 's/^/    /'
            else
                step_failed "wrk $path" "$out/center/wrk-$key.txt"
            fi
        done
        printf 'center_rss_kb\t%s\nload_average_end\t%s\n' "$(awk '/^VmRSS:/ { print $2 }' "/proc/$center_pid/status" 2>/dev/null)" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$dm"
        kill -TERM "$center_pid" 2>/dev/null
        wait "$center_pid" 2>/dev/null
        center_pid=""
        trap - EXIT
    fi
    cat "$dm"
    rm -rf "$db_dir"
fi

# ---------------------------------------------------------------- summary
phase "summary ($(es_elapsed "$run_start") s)"
cat "$out/machine.txt"
echo
if ! bench summarize "$out"; then
    step_failed "summarize"
fi
if [[ ${#failed_steps[@]} -gt 0 ]]; then
    es_err "steps that failed: ${failed_steps[*]}"
    exit "$ES_EXIT_FAILED"
fi
if [[ $strict -eq 1 ]] && grep -q 'FAIL' "$out/summary.md"; then
    es_err "a target was missed (--strict)"
    exit "$ES_EXIT_FAILED"
fi
exit "$ES_EXIT_OK"
