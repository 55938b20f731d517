#!/usr/bin/env bash
# bench/ogcapi-latency.sh - the OGC API against its WPS equivalents, through the same zoo_loader.cgi run the way a
# web server runs it (cwd = the directory of main.cfg, CGI variables, the body on stdin):
#   1. GET /processes               vs  GetCapabilities 2.0.0 (both list every process)
#   2. POST /processes/echo/execution  vs  a 2.0.0 XML Execute of echo, both synchronous, the same input, document
# The target of issue 16 is the OGC API within 10% of WPS. hyperfine runs both and prints their ratio.
#
# Usage: bash bench/ogcapi-latency.sh [RUNS]     (default 30; needs bash build.sh first)
# Environment: ZOO_DIST (default dist/cgi-bin)
#
# Every answer is checked once before timing: an exception fails the script, never passes for a fast run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-30}"

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
[[ -f "$DIST/oas.cfg" ]] || die "$DIST/oas.cfg is missing"
. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/hyperfine:hyperfine || die "cannot install hyperfine"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-ogcapi-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -r "$DIST" "$WORK/cgi"
mkdir -p "$WORK/tmp"
sed -i -e "s|^tmpPath=.*|tmpPath=$WORK/tmp|" -e "s|^cacheDir=.*|cacheDir=$WORK/tmp|" "$WORK/cgi/main.cfg"

printf '{"inputs":{"a":"bench"},"outputs":{"a":{}},"response":"document"}' > "$WORK/execute.json"
cat > "$WORK/execute.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<wps:Execute service="WPS" version="2.0.0" response="document" mode="sync" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0">
  <ows:Identifier>echo</ows:Identifier>
  <wps:Input id="a"><wps:Data>bench</wps:Data></wps:Input>
  <wps:Output id="a" transmission="value"/>
</wps:Execute>
XML

run() {  # args: method query [body-file content-type]: the command line of one CGI run
  local cmd="cd $WORK/cgi && env -i PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=$1 QUERY_STRING='$2'"
  if [[ $# -gt 2 ]]; then
    cmd+=" CONTENT_TYPE=$4 CONTENT_LENGTH=$(stat -c %s "$3") ./zoo_loader.cgi < $3"
  else
    cmd+=" ./zoo_loader.cgi"
  fi
  printf '%s' "$cmd"
}
check() {  # args: what pattern command
  local answer
  answer="$(sh -c "$3")"
  grep -q "Status: 200" <<<"$answer" || die "$1 failed: $answer"
  grep -q "$2" <<<"$answer" || die "$1 answered without $2: $answer"
}

LIST_API="$(run GET /processes)"
LIST_WPS="$(run GET 'service=WPS&request=GetCapabilities&AcceptVersions=2.0.0')"
EXEC_API="$(run POST /processes/echo/execution "$WORK/execute.json" application/json)"
EXEC_WPS="$(run POST '' "$WORK/execute.xml" text/xml)"
check "GET /processes" '"processes"' "$LIST_API"
check "GetCapabilities" 'wps:Capabilities' "$LIST_WPS"
check "the OGC API execute" '"a":"bench"' "$EXEC_API"
check "the WPS Execute" '>bench<' "$EXEC_WPS"

printf '[bench] 1. A = GET /processes, B = GetCapabilities 2.0.0\n' >&2
hyperfine --warmup 3 --runs "$RUNS" -n "GET /processes" "$LIST_API" -n "GetCapabilities 2.0.0" "$LIST_WPS"
printf '[bench] 2. A = POST /processes/echo/execution (sync, document), B = the 2.0.0 XML Execute of echo\n' >&2
hyperfine --warmup 3 --runs "$RUNS" -n "OGC API execute" "$EXEC_API" -n "WPS 2.0.0 Execute" "$EXEC_WPS"
