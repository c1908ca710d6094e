#!/usr/bin/env bash
# EdgeStation's benchmark suite: BenchmarkDotNet (ledger append, group commit, verify, indicators),
# then process-level figures of the Native-AOT binary (start time, peak RSS, size), then one table
# of targets, results, floors measured in the same run, ratios and pass/fail. docs/benchmarks.md
# says what each figure means.
set -uo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
    cat <<'EOF'
usage: scripts/bench.sh [--quick] [--filter PATTERN] [--size N] [--publish]
                        [--skip-apt] [--skip-bdn] [--skip-process] [--strict]

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
strict=0
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
    phase "packages (hyperfine, time, AOT toolchain)"
    if ! ES_APT_LOG="$logs/apt.log" es_apt_install --always-update hyperfine time "${ES_APT_X64[@]}"; then
        es_err "could not install hyperfine/time/clang (see $logs/apt.log)"
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

# ---------------------------------------------------------------- process level
if [[ $skip_process -eq 0 ]]; then
    phase "process level: AOT start, peak RSS, binary size"
    metrics="$proc/metrics.tsv"
    : >"$metrics"
    printf 'size\t%s\n' "$size" >>"$metrics"
    rm -f "$proc/start.json" "$proc/list.json"

    if [[ $publish -eq 1 || ! -x "$binary" ]]; then
        es_log "publishing artifacts/linux-x64/edgestation"
        if [[ -f "$ES_ROOT/scripts/publish.sh" ]]; then
            bash "$ES_ROOT/scripts/publish.sh" linux-x64 >"$logs/publish.log" 2>&1 || step_failed "publish linux-x64" "$logs/publish.log"
        else
            dotnet publish "$ES_ROOT/src/EdgeStation.Station" -c Release -r linux-x64 -o "$ES_ROOT/artifacts/linux-x64" \
                -nologo -tl:off -v:minimal >"$logs/publish.log" 2>&1 || step_failed "publish linux-x64" "$logs/publish.log"
        fi
    elif [[ -n "$(find "$ES_ROOT/src" -newer "$binary" -type f \( -name '*.cs' -o -name '*.csproj' \) -print -quit)" ]]; then
        es_err "warning: sources are newer than artifacts/linux-x64/edgestation; its figures are of the older build (use --publish)"
    fi

    # The floor: a hello-world Native-AOT console app, same SDK and runtime pin, same size and GC settings.
    hello_src="$(mktemp -d)"
    hello_out="$out/hello"
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
    hello="$hello_out/hello"

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
