#!/usr/bin/env bash
# build.sh - publish both CGIs as Native AOT binaries and assemble dist/cgi-bin.
#
# Usage: bash build.sh [--force] [--install-into DIR]
#   --install-into DIR   then put both CGIs into an existing ZOO cgi-bin (scripts/install-into.sh: keeps main.cfg
#                        and the services, the old zoo_loader.cgi as zoo_loader.cgi.orig, checks the install,
#                        prints how to roll back)
#
# Result (what an operator deploys, and what serve.sh, bench/ and the integration tests run):
#   dist/cgi-bin/zoo_loader.cgi   ZooKernel.Cgi, published as the native `zoo_loader`
#   dist/cgi-bin/FinalizeHPC.cgi  FinalizeHpc.Cgi, published as the native `FinalizeHPC`
#   dist/cgi-bin/otb-describe     tools/otb-describe, for `zoo_loader.cgi --otb2zcfg` (only with libotb-dev)
#   dist/cgi-bin/...              a copy of cgi-env/ (main.cfg, services, ...)
#
# The build fails on ANY warning in the publish output: AOT/trim warnings mean code that may break at
# run time only in the native binary, so they must never slip in quietly.
#
# Fast when nothing changed: the sources are fingerprinted (path, size, mtime) and `dotnet publish`
# is skipped when the fingerprint matches the last successful publish. --force (or ZOO_BUILD_FORCE=1)
# always publishes. dist/cgi-bin is re-assembled every time (a few file copies).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

DIST="$ROOT/dist/cgi-bin"
FORCE="${ZOO_BUILD_FORCE:-0}"
INSTALL_INTO=""
while (($#)); do
  case "$1" in
    --force) FORCE=1 ;;
    --install-into) [[ $# -ge 2 ]] || { echo "[build] ERROR: --install-into needs a directory" >&2; exit 2; }; INSTALL_INTO="$2"; shift ;;
    *) echo "[build] ERROR: unknown argument: $1 (usage: build.sh [--force] [--install-into DIR])" >&2; exit 2 ;;
  esac
  shift
done

# project dir : published binary name : name in dist
CGIS=(
  "ZooKernel.Cgi:zoo_loader:zoo_loader.cgi"
  "FinalizeHpc.Cgi:FinalizeHPC:FinalizeHPC.cgi"
)
# Everything whose change can change a published binary (the test projects cannot).
SOURCES=(Zoo.Core Zoo.Hpc ZooKernel.Cgi FinalizeHpc.Cgi build Directory.Build.props Directory.Build.targets
         Directory.Packages.props NuGet.config nuget.config global.json)
STAMP="$ROOT/bin/publish/.fingerprint"   # bin/ is git-ignored

log() { printf '[build] %s\n' "$*" >&2; }
die() { printf '[build] ERROR: %s\n' "$*" >&2; exit 1; }

# --- toolchain -------------------------------------------------------------------------------------
# The ILCompiler links with `clang` (it falls back to gcc, but clang is the documented prerequisite)
# and strips symbols with objcopy (binutils). zlib1g-dev is not needed on .NET 10 (see
# ../shared/notes/dotnet-aot.md). apt-get update only runs when something is actually missing.
. "$ROOT/scripts/packages.sh"
ensure_packages clang:clang objcopy:binutils || die "cannot install the build tools"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- publish ---------------------------------------------------------------------------------------
fingerprint() {
  local existing=() s
  for s in "${SOURCES[@]}"; do [[ -e "$s" ]] && existing+=("$s"); done
  {
    dotnet --version
    # bin/ and obj/ are build outputs, not inputs.
    find "${existing[@]}" \( -name bin -o -name obj \) -prune -o -type f -printf '%p %s %T@\n' | LC_ALL=C sort
  } | sha256sum | cut -d' ' -f1
}

publish_one() {  # args: project-dir  (output goes to bin/publish/<project-dir>)
  local proj="$1" out="$ROOT/bin/publish/$1" logf rc=0
  logf="$(mktemp)"
  log "publishing $proj (Native AOT, linux-x64)"
  # -tl:off: plain, greppable output even on a terminal.
  dotnet publish "$proj" -c Release -r linux-x64 -o "$out" --nologo -tl:off >"$logf" 2>&1 || rc=$?
  # Case-sensitive `warning` as a word: MSBuild, NuGet, Roslyn and ILC all write "...: warning CODE:",
  # while the summary's "0 Warning(s)" must not count.
  if grep -qE '(^|[^[:alnum:]_])warning([^[:alnum:]_]|$)' "$logf"; then
    grep -E '(^|[^[:alnum:]_])warning([^[:alnum:]_]|$)' "$logf" | sort -u >&2
    rm -f "$logf"
    # An incremental build would not print these warnings again: force the next one to rebuild.
    rm -rf "$STAMP" "$ROOT"/{Zoo.Core,Zoo.Hpc,ZooKernel.Cgi,FinalizeHpc.Cgi}/obj/Release
    die "$proj: the publish printed warnings (see above); they are not allowed"
  fi
  if ((rc != 0)); then
    cat "$logf" >&2
    rm -f "$logf"
    die "$proj: dotnet publish failed (exit $rc)"
  fi
  rm -f "$logf"
}

fp="$(fingerprint)"
up_to_date=0
if [[ "$FORCE" != 1 && -f "$STAMP" && "$(cat "$STAMP")" == "$fp" ]]; then
  up_to_date=1
  for entry in "${CGIS[@]}"; do
    IFS=: read -r proj bin _ <<<"$entry"
    [[ -x "$ROOT/bin/publish/$proj/$bin" ]] || up_to_date=0
  done
fi

if ((up_to_date)); then
  log "sources unchanged since the last publish: skipping dotnet publish"
else
  rm -f "$STAMP"
  # One project at a time: both reference Zoo.Core/Zoo.Hpc, and parallel builds of a shared
  # project fight over its obj/ files.
  for entry in "${CGIS[@]}"; do
    IFS=: read -r proj _ _ <<<"$entry"
    publish_one "$proj"
  done
  mkdir -p "$(dirname "$STAMP")"
  printf '%s\n' "$fp" >"$STAMP"
fi

# --- otb-describe ----------------------------------------------------------------------------------
# The helper `zoo_loader.cgi --otb2zcfg` asks about OTB's applications (tools/otb-describe), built only
# where OTB's development files are (Debian package libotb-dev), and only when its source changed.
HELPER="$ROOT/bin/otb-describe/otb-describe"
if [[ ! -x "$HELPER" || "$ROOT/tools/otb-describe/otb-describe.cxx" -nt "$HELPER" ]]; then
  if compgen -G "/usr/include/OTB-*/otbWrapperApplication.h" >/dev/null; then
    ensure_packages g++:g++ || die "cannot install g++, which builds otb-describe"
  fi
  rc=0
  bash "$ROOT/tools/otb-describe/build.sh" "$HELPER" || rc=$?
  if ((rc == 3)); then
    log "libotb-dev is not installed: dist/cgi-bin gets no otb-describe (--otb2zcfg will say so)"
    rm -f "$HELPER"
  elif ((rc != 0)); then
    die "tools/otb-describe failed to build"
  else
    log "built otb-describe"
  fi
fi

# --- assemble dist/cgi-bin -------------------------------------------------------------------------
# Built next to the old one and swapped in, so files deleted from cgi-env/ disappear from dist too,
# and a server running from dist never sees a half-copied directory for long.
[[ -d cgi-env ]] || die "cgi-env/ is missing"
NEW="$ROOT/dist/.cgi-bin.new"
rm -rf "$NEW"
mkdir -p "$NEW"
cp -a cgi-env/. "$NEW/"
for entry in "${CGIS[@]}"; do
  IFS=: read -r proj bin name <<<"$entry"
  # Only the executable: the .dbg symbol files stay in bin/publish.
  install -m 0755 "$ROOT/bin/publish/$proj/$bin" "$NEW/$name"
done
[[ -x "$HELPER" ]] && install -m 0755 "$HELPER" "$NEW/otb-describe"
rm -rf "$ROOT/dist/.cgi-bin.old"
[[ -d "$DIST" ]] && mv "$DIST" "$ROOT/dist/.cgi-bin.old"
mv "$NEW" "$DIST"
rm -rf "$ROOT/dist/.cgi-bin.old"

echo "dist: $DIST"
for entry in "${CGIS[@]}"; do
  IFS=: read -r _ _ name <<<"$entry"
  printf '  %-16s %6.2f MiB (%s bytes)\n' "$name" \
    "$(awk -v b="$(stat -c %s "$DIST/$name")" 'BEGIN { print b / 1048576 }')" "$(stat -c %s "$DIST/$name")"
done

if [[ -n "$INSTALL_INTO" ]]; then
  bash "$ROOT/scripts/install-into.sh" "$DIST" "$INSTALL_INTO"
fi
