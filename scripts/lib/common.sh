# Shared helpers for EdgeStation's build scripts. Source it; do not run it.
# shellcheck shell=bash

# Repository root: the folder above scripts/.
ES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Exit codes, as the product uses them.
ES_EXIT_OK=0
ES_EXIT_FAILED=1
ES_EXIT_USAGE=2
ES_EXIT_ENV=3

# Debian packages for a Native-AOT publish. clang links, llvm gives llvm-objcopy for
# StripSymbols, zlib1g-dev is what the ILCompiler docs list for Linux.
ES_APT_X64=(clang llvm zlib1g-dev)
# Cross linking to linux-arm64: the cross binutils and gcc (clang uses its crt files and
# libgcc) and the arm64 C library headers and crt1.o. libc6-dev-arm64-cross is only a
# Recommends of gcc-aarch64-linux-gnu, so with --no-install-recommends it must be named.
ES_APT_ARM64=(clang llvm binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
# Running linux-arm64 binaries on an x64 host. .NET's crypto (the ledger's SHA-256) dlopens
# libssl.so.3 at run time (it is not a NEEDED entry), and there is no arm64 *-cross libssl:
# it comes from Debian's arm64 multiarch (es_apt_install adds the architecture).
ES_APT_QEMU=(qemu-user-static libssl3:arm64)

# What the tests themselves run: EdgeStation.Station.Tests (Audit) checks exports with
# scripts/verify-export.py, the auditor's independent verifier.
# python3: the independent ledger checker; chromium + a CJK font: the kiosk end-to-end tests (Playwright drives Debian's Chromium).
# ffmpeg (with ffprobe): EdgeStation.Vision.Tests decode the pedestrian clip and generated videos through it.
# postgresql-15: EdgeStation.Center.Tests start their own server from /usr/lib/postgresql/15/bin (initdb + pg_ctl on a
# private port and folder, as the package's `postgres` user when run as root); the Debian cluster on 5432 is not used.
ES_APT_TEST=(python3 chromium fonts-wqy-microhei ffmpeg postgresql-15)

# The Debian release the station runs (Raspberry Pi OS / Debian 12 bookworm ship glibc 2.36).
# publish.sh refuses a binary that needs a newer glibc than this.
ES_MAX_GLIBC="${EDGESTATION_MAX_GLIBC:-2.36}"

es_log() { printf '%s\n' "$*"; }
es_err() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

# es_now: seconds since the epoch with milliseconds (for phase timings).
es_now() { date +%s.%N | cut -c1-14; }

# es_elapsed START: seconds since START, one decimal.
es_elapsed() { awk -v s="$1" -v e="$(es_now)" 'BEGIN { printf "%.1f", e - s }'; }

# es_missing_packages PKG...: prints the packages that are not installed.
es_missing_packages() {
    local p status
    for p in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
        [[ "$status" == "install ok installed" ]] || printf '%s\n' "$p"
    done
}

# es_as_root CMD...: runs CMD as root (directly, or through sudo -n).
es_as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        es_err "need root (or sudo) to run: $*"
        return 1
    fi
}

# es_apt_install [--always-update] PKG...: installs what is missing, quietly.
# With --always-update, runs apt-get update even when nothing is missing.
# Output goes to $ES_APT_LOG when set, otherwise to stderr. Returns non-zero on failure.
es_apt_install() {
    local always=0
    if [[ "${1:-}" == "--always-update" ]]; then always=1; shift; fi
    local -a missing
    mapfile -t missing < <(es_missing_packages "$@")
    if [[ $always -eq 0 && ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        es_err "apt-get not found; install these yourself: ${missing[*]}"
        return 1
    fi
    local log="${ES_APT_LOG:-/dev/stderr}"
    local -a apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
    # Packages named PKG:ARCH need ARCH as a dpkg foreign architecture (multiarch).
    local p arch
    for p in "${missing[@]}"; do
        [[ "$p" == *:* ]] || continue
        arch="${p##*:}"
        if [[ "$arch" != "$(dpkg --print-architecture)" ]] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
            es_log "adding dpkg architecture $arch"
            es_as_root dpkg --add-architecture "$arch" || { es_err "dpkg --add-architecture $arch failed"; return 1; }
        fi
    done
    es_as_root "${apt[@]}" update -qq >>"$log" 2>&1 || { es_err "apt-get update failed (see $log)"; return 1; }
    if [[ ${#missing[@]} -gt 0 ]]; then
        es_log "installing: ${missing[*]}"
        es_as_root "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
            || { es_err "apt-get install ${missing[*]} failed (see $log)"; return 1; }
    fi
}

# es_elf_machine FILE: prints x86_64, aarch64 or unknown (reads e_machine of an ELF file).
es_elf_machine() {
    local magic machine
    magic="$(od -An -tx1 -N4 "$1" 2>/dev/null | tr -d ' \n')"
    [[ "$magic" == "7f454c46" ]] || { echo unknown; return; }
    machine="$(od -An -tx1 -j18 -N2 "$1" | tr -d ' \n')"
    case "$machine" in
        3e00) echo x86_64 ;;
        b700) echo aarch64 ;;
        *) echo unknown ;;
    esac
}

# es_max_glibc FILE: prints the newest GLIBC_x.y symbol version FILE needs, or nothing.
es_max_glibc() {
    local readelf
    for readelf in readelf aarch64-linux-gnu-readelf llvm-readelf; do
        if command -v "$readelf" >/dev/null 2>&1; then
            "$readelf" -V -W "$1" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1
            return
        fi
    done
}

# es_version_gt A B: true when version A > version B.
es_version_gt() {
    [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n1)" == "$1" ]]
}

# es_human_size BYTES: prints e.g. "6.5 MiB".
es_human_size() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
