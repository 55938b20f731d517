#!/usr/bin/env bash
# bench/c-service.sh - a synchronous Execute of a trivial C service (HelloC, a .zo built here with gcc) through
# the published zoo_loader.cgi, against a synchronous Execute of HelloPy (the Python runtime) as yardstick; both
# the way a web server runs the CGI: one process, CGI variables in a clean environment, cwd = main.cfg's directory.
#
# Usage: bash bench/c-service.sh [RUNS]            (RUNS per command, default 30)
#
# hyperfine runs HelloC and HelloPy and prints the mean, spread and min/max wall time of each, and their ratio
# and the ratio A/B pair by pair. Each response is checked once first: a broken case never passes for a fast one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-30}"
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/hyperfine:hyperfine || die "cannot install hyperfine"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-cbench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -r "$DIST/." "$WORK/"
mkdir -p "$WORK/tmp"
sed -i -e "s|^tmpPath=.*|tmpPath=$WORK/tmp|" -e "s|^cacheDir=.*|cacheDir=$WORK/tmp|" "$WORK/main.cfg"
gcc -O2 -shared -fPIC -o "$WORK/test_services.zo" "$ROOT/tests/Zoo.Integration.Tests/Native/test_services.c"
cat > "$WORK/HelloC.zcfg" <<'ZCFG'
[HelloC]
 Title = A trivial C service.
 Abstract = Says hello to its name input.
 processVersion = 1
 serviceType = C
 serviceProvider = test_services.zo
 <DataInputs>
  [name]
   Title = A name
   Abstract = Any text.
   minOccurs = 1
   maxOccurs = 1
   <LiteralData>
    dataType = string
    <Default />
   </LiteralData>
 </DataInputs>
 <DataOutputs>
  [Result]
   Title = Result
   Abstract = The greeting.
   <LiteralData>
    dataType = string
    <Default />
   </LiteralData>
 </DataOutputs>
ZCFG

cgi() { # identifier: the env(1) command line of a raw-output sync Execute, no shell in between
  printf 'env -C %s -i PATH=/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING=%s %s' \
    "$WORK" "service=WPS&version=1.0.0&request=Execute&Identifier=$1&DataInputs=$2&RawDataOutput=Result" "$WORK/zoo_loader.cgi"
}
C_CMD="$(cgi HelloC name=World)"
PY_CMD="$(cgi HelloPy a=World)"

$C_CMD | grep -q "Hello World from C" || die "HelloC did not answer its greeting: $($C_CMD)"
$PY_CMD | grep -qi "World" || die "HelloPy did not answer: $($PY_CMD)"

echo "A = sync Execute HelloC (C, .zo in a --run-c child); B = sync Execute HelloPy (Python)"
# shellcheck disable=SC2086
hyperfine --warmup 3 --runs "$RUNS" -n HelloC "$C_CMD" -n HelloPy "$PY_CMD"
