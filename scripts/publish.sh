#!/usr/bin/env bash
# Native-AOT publish of the station binary (src/EdgeStation.Station, AssemblyName edgestation).
set -uo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
    cat <<'EOF'
usage: scripts/publish.sh linux-x64|linux-arm64 [--output DIR]

Native-AOT publish of src/EdgeStation.Station to artifacts/<rid>/edgestation
(or DIR/edgestation), Release configuration.

  linux-x64     development machines and CI
  linux-arm64   the field boxes (Raspberry Pi 4/5, RK3588); cross-compiled on an x64
                host. Installs clang, llvm, binutils-aarch64-linux-gnu,
                gcc-aarch64-linux-gnu and libc6-dev-arm64-cross with apt-get when missing.
  --output DIR  publish into DIR instead of artifacts/<rid>/ (DIR is not emptied;
                artifacts/<rid>/ is)

Fails (exit 1) when the publish fails, when the publish log has any trim/AOT warning
(IL2xxx/IL3xxx) other than LiteDB's own summary warnings (IL2104/IL3053 for assembly
'LiteDB') and System.Device.Gpio's IL2091 in UnmanagedArray`1.ReadToManagedArray
(docs/building.md says why each is safe), or when the binary needs a glibc newer than
EDGESTATION_MAX_GLIBC (default 2.36, Debian 12 bookworm). Exit 2: usage. Exit 3:
environment (no dotnet, cannot install packages).
The full log is artifacts/logs/publish-<rid>.log.
EOF
}

rid=""
output=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit "$ES_EXIT_OK" ;;
        linux-x64|linux-arm64)
            [[ -z "$rid" ]] || { es_err "only one runtime identifier, please"; usage >&2; exit "$ES_EXIT_USAGE"; }
            rid="$1"; shift ;;
        -o|--output)
            [[ $# -ge 2 && -n "$2" ]] || { es_err "$1 needs a directory"; usage >&2; exit "$ES_EXIT_USAGE"; }
            output="$2"; shift 2 ;;
        --output=*) output="${1#--output=}"; [[ -n "$output" ]] || { usage >&2; exit "$ES_EXIT_USAGE"; }; shift ;;
        *) es_err "unknown argument: $1"; usage >&2; exit "$ES_EXIT_USAGE" ;;
    esac
done
[[ -n "$rid" ]] || { es_err "which runtime identifier?"; usage >&2; exit "$ES_EXIT_USAGE"; }

project="$ES_ROOT/src/EdgeStation.Station/EdgeStation.Station.csproj"
[[ -f "$project" ]] || { es_err "missing $project"; exit "$ES_EXIT_ENV"; }
command -v dotnet >/dev/null 2>&1 || { es_err "dotnet not found on PATH"; exit "$ES_EXIT_ENV"; }

mkdir -p "$ES_ROOT/artifacts/logs"
log="$ES_ROOT/artifacts/logs/publish-$rid.log"
: >"$log"

# Native toolchain (a no-op when everything is installed).
case "$rid" in
    linux-x64) packages=("${ES_APT_X64[@]}"); want_machine=x86_64 ;;
    linux-arm64) packages=("${ES_APT_ARM64[@]}"); want_machine=aarch64 ;;
esac
if ! ES_APT_LOG="$log" es_apt_install "${packages[@]}"; then
    es_err "could not install the $rid toolchain: ${packages[*]}"
    exit "$ES_EXIT_ENV"
fi

# Publish into a staging folder outside every project folder, then move into place:
# a publish folder inside the project would be swept into the next publish's inputs.
default_output="$ES_ROOT/artifacts/$rid"
staging="$ES_ROOT/artifacts/.publish-$rid"
rm -rf "$staging"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Always run the native compiler: an up-to-date (skipped) ILC step prints no trim/AOT
# warnings, and the check below must see a real compile.
rm -rf "$ES_ROOT/src/EdgeStation.Station/obj/Release/net10.0/$rid/native"

start="$(es_now)"
es_log "publishing edgestation for $rid (log: ${log#"$ES_ROOT"/})"
dotnet publish "$project" -c Release -r "$rid" -o "$staging" -nologo -tl:off -v:minimal \
    >>"$log" 2>&1
rc=$?
seconds="$(es_elapsed "$start")"

# Trim/AOT warnings: anything IL2xxx/IL3xxx, warning or error, except LiteDB's own two
# summary warnings (LiteDB's reflection-based mapper; the project maps BsonDocuments by hand)
# and System.Device.Gpio's one warning, by member: Marshal.PtrToStructure<T> in
# UnmanagedArray<T>, whose only T is the blittable struct epoll_event. Any other warning of
# System.Device.Gpio shows unfolded (the project's ShowOwnTrimWarningsInFull) and fails here.
gpio_allowed='warning IL2091: System\.Device\.Gpio\.UnmanagedArray`1\.ReadToManagedArray\(\): '
offending="$(grep -E '(warning|error) IL[23][0-9]{3}' "$log" \
    | grep -vE "(warning|error) IL(2104|3053): Assembly 'LiteDB' produced" \
    | grep -vE "$gpio_allowed" \
    | sed -E 's/ +\[[^]]*\.csproj[^]]*\]$//' | sort -u)"
allowed="$(grep -cE "(warning|error) IL(2104|3053): Assembly 'LiteDB' produced" "$log")"
gpio_seen="$(grep -E "$gpio_allowed" "$log" | sed -E 's/ +\[[^]]*\.csproj[^]]*\]$//' | sort -u | wc -l)"

if [[ -n "$offending" ]]; then
    es_err "trim/AOT warnings from our code or a new dependency ($rid):"
    printf '%s\n' "$offending" >&2
    [[ $rc -eq 0 ]] || es_err "dotnet publish also failed (exit $rc); see $log"
    exit "$ES_EXIT_FAILED"
fi
if [[ $rc -ne 0 ]]; then
    if grep -qE "error IL(2104|3053): Assembly 'LiteDB' produced" "$log"; then
        es_err "LiteDB's summary warnings IL2104/IL3053 are errors under TreatWarningsAsErrors; the station"
        es_err "project needs <WarningsNotAsErrors>\$(WarningsNotAsErrors);IL2104;IL3053</WarningsNotAsErrors>"
        es_err "(this script still fails on them for any assembly but LiteDB)."
    fi
    es_err "dotnet publish failed for $rid (exit $rc) after ${seconds}s; last lines of $log:"
    grep -E ': (error|warning) ' "$log" | sed -E 's/ +\[[^]]*\.csproj[^]]*\]$//' | sort -u | head -n 40 >&2
    tail -n 15 "$log" >&2
    exit "$ES_EXIT_FAILED"
fi

if ! grep -q 'Generating native code' "$log"; then
    es_err "note: the native compile was skipped as up to date, so no trim/AOT warning was checked"
fi

binary="$staging/edgestation"
if [[ ! -x "$binary" ]]; then
    es_err "publish succeeded but $binary is missing"
    exit "$ES_EXIT_FAILED"
fi
machine="$(es_elf_machine "$binary")"
if [[ "$machine" != "$want_machine" ]]; then
    es_err "$binary is $machine, expected $want_machine"
    exit "$ES_EXIT_FAILED"
fi
glibc="$(es_max_glibc "$binary")"
if [[ -n "$glibc" ]] && es_version_gt "$glibc" "$ES_MAX_GLIBC"; then
    es_err "$binary needs glibc $glibc; the station runs $ES_MAX_GLIBC (Debian 12). Link against an older sysroot."
    exit "$ES_EXIT_FAILED"
fi

# Move into place.
if [[ -z "$output" ]]; then
    output="$default_output"
    rm -rf "$output"
fi
mkdir -p "$output" || { es_err "cannot create $output"; exit "$ES_EXIT_ENV"; }
cp -a "$staging/." "$output/" || { es_err "cannot copy into $output"; exit "$ES_EXIT_ENV"; }
rm -rf "$staging"
output="$(cd "$output" && pwd)"

bytes="$(stat -c %s "$output/edgestation")"
es_log "trim/AOT warnings: none of ours (LiteDB summary warnings: $allowed; System.Device.Gpio epoll_event IL2091: $gpio_seen)"
# Trim/AOT codes in NoWarn never reach the log, so this check cannot see them: say so.
# (IL2121, an unneeded suppression, is in the SDK's own defaults.)
rsp="$ES_ROOT/src/EdgeStation.Station/obj/Release/net10.0/$rid/native/edgestation.ilc.rsp"
if [[ -f "$rsp" ]]; then
    hidden="$(grep -o -- '--nowarn:.*' "$rsp" | grep -oE 'IL[23][0-9]{3}' | grep -vx IL2121 | sort -u | tr '\n' ' ')"
    [[ -z "$hidden" ]] || es_log "note: NoWarn hides ${hidden% } from every assembly, not only LiteDB; this check cannot see those"
fi
es_log "glibc needed: ${glibc:-unknown} (limit $ES_MAX_GLIBC)"
es_log "published in ${seconds}s: ${output#"$ES_ROOT"/}/edgestation"
es_log "binary size ($rid): $bytes bytes ($(es_human_size "$bytes"))"
