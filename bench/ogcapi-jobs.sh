#!/usr/bin/env bash
# bench/ogcapi-jobs.sh - latency of the OGC API job list (GET /jobs) with many finished jobs in tmpPath,
# zoo_loader.cgi run the way a web server runs it: one process per request, CGI variables in a clean
# environment, cwd = the directory of main.cfg.
#
# Usage: bash bench/ogcapi-jobs.sh [RUNS]          (RUNS: runs per case, default 30; or env RUNS)
#
# Environment:
#   ZOO_DIST     directory holding zoo_loader.cgi and main.cfg (default: dist/cgi-bin; bash build.sh)
#   RUNS         runs per case (default 30)
#   JOBS         finished jobs written into the temporary tmpPath (default 1000)
#   BENCH_KEEP=1 keep the temporary copy of dist (with its jobs) for a look
#
# The jobs are written as the kernel leaves them (<id>.sid, <id>_lenv.cfg with a run's whole [lenv],
# <id>.res, the WPS status document <Service>_<id>.xml, and for half of them, started through the
# OGC API, <id>.json and <id>_api.cfg), one created every 7 seconds, 1 in 10 failed. Cases:
#   GET /jobs                      every job, one page (oas.cfg's default limit, 1000 unless set)
#   GET /jobs?limit=10             the newest 10 (every job is still read, to count and sort them)
#   GET /jobs?status=failed        a filter
#   GET /jobs/{id}                 one job's status, for comparison
# Each response is checked once (status 200, the number of jobs listed and matched) before it is
# timed, so a broken case never passes for a fast one. The target of the issue: GET /jobs with 1000
# finished jobs in under 200 ms (median).
#
# Wall time comes from hyperfine -N (no shell between it and the CGI); the "harness" row is what a
# process that does nothing costs the same way. The cpu column (hyperfine's mean user + system time)
# says what a run costs when the machine is busy with other work and the wall times are not the CGI's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-${RUNS:-30}}"
JOBS="${JOBS:-1000}"

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench] %s\n' "$*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive integer (got '$JOBS')"
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
[[ -f "$DIST/main.cfg" ]] || die "$DIST/main.cfg is missing"

. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/hyperfine:hyperfine /usr/bin/python3:python3 || die "cannot install hyperfine and python3"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-bench-jobs.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
  log "keeping the copy and its jobs in $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

# ------------------------------------------------------------------------------------ the copy
. "$ROOT/scripts/ini.sh"
CGI="$WORK/cgi"
mkdir -p "$CGI"
cp -a "$DIST/." "$CGI/"
mkdir -p "$CGI/.tmp" "$CGI/.cache"
ini_set "$CGI/main.cfg" main tmpPath "$CGI/.tmp"
ini_set "$CGI/main.cfg" main cacheDir "$CGI/.cache"
# The OGC API needs oas.cfg beside main.cfg; a copy of dist without one gets the least that works.
[[ -f "$CGI/oas.cfg" ]] || printf '[openapi]\nrootUrl=http://127.0.0.1:8080/ogc-api\n' >"$CGI/oas.cfg"

# ------------------------------------------------------------------------------------ the jobs
log "writing $JOBS finished jobs into $CGI/.tmp"
/usr/bin/python3 - "$CGI/.tmp" "$JOBS" <<'PY'
import os, sys, uuid

tmp, count = sys.argv[1], int(sys.argv[2])
start = 1_746_000_000  # 2025-04-30, one job every 7 s from there

def write(name, text, mtime):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(text)
    os.utime(path, (mtime, mtime))

for i in range(count):
    id = str(uuid.UUID(int=(0x5EED << 96) + i, version=4))
    created = start + 7 * i
    finished = created + 1 + i % 120
    ogc = i % 2 == 0
    failed = i % 10 == 9
    service, asked = ("BandMath", "hpc.BandMath") if i % 3 == 0 else ("HelloPy", "HelloPy")
    write(id + ".sid", str(40000 + i), created)
    lenv = (f"[lenv]\nusid={id}\nuusid={id}\nosid={40000 + i}\nsid={50000 + i}\nstatus=0\n"
            f"message=No message provided\ncwd=/srv/zoo/services\nIdentifier={service}\noIdentifier={asked}\n"
            f"metapath=\nserviceType=Python\nasync=true\nsoap=false\n")
    write(id + "_lenv.cfg", lenv, created)
    res = f"[status]\nusid={id}\nsid={40000 + i}\npid={50000 + i}\nstatus={'Failed' if failed else 'Succeeded'}\n"
    if failed:
        res += "message=The service failed: no input raster\n"
    write(id + ".res", res, finished)
    write(f"{service}_{id}.xml", "<wps:Result xmlns:wps=\"http://www.opengis.net/wps/2.0\"/>\n", finished)
    if ogc:
        write(id + ".json", '{"Result":"Hello bench"}', finished)
        write(id + "_api.cfg", "[api]\nresponse=document\n", created)
PY
FIRST_ID="$(/usr/bin/python3 -c 'import uuid; print(uuid.UUID(int=(0x5EED << 96), version=4))')"
FAILED=$((JOBS / 10))

# ------------------------------------------------------------------------------------ running
CASES=("/jobs" "/jobs?limit=10" "/jobs?status=failed" "/jobs/$FIRST_ID")

cgi_vars() {  # args: query
  CGI_VARS=(PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1
    SERVER_NAME=127.0.0.1 SERVER_PORT=8080 SERVER_SOFTWARE=zoo-bench REMOTE_ADDR=127.0.0.1
    SCRIPT_NAME=/cgi-bin/zoo_loader.cgi SCRIPT_FILENAME="$CGI/zoo_loader.cgi"
    REQUEST_METHOD=GET QUERY_STRING="$1" HTTP_HOST=127.0.0.1:8080)
}

# The rewritten query ZOO's web server configuration makes of /ogc-api/jobs?limit=10: ?/jobs&limit=10.
query_of() { local q="$1"; printf '%s' "${q/\?/&}"; }

# Fails loudly unless the answer is 200 and, for a list, lists and counts what this case expects.
check_case() {  # args: case out
  local status expected_listed expected_total
  status="$(sed -n '1,/^\r\{0,1\}$/p' "$2" | tr -d '\r' | sed -n 's/^[Ss]tatus:[[:space:]]*//p' | head -1)"
  [[ "${status%% *}" == 200 ]] || { head -c 2000 "$2" "$2.err" >&2; die "$1: status '$status', not 200"; }
  case "$1" in
    /jobs) expected_listed=$((JOBS < 1000 ? JOBS : 1000)) expected_total=$JOBS ;;
    "/jobs?limit=10") expected_listed=$((JOBS < 10 ? JOBS : 10)) expected_total=$JOBS ;;
    "/jobs?status=failed") expected_listed=$FAILED expected_total=$FAILED ;;
    *) return 0 ;;
  esac
  sed '1,/^\r\{0,1\}$/d' "$2" | /usr/bin/python3 -c '
import json, sys
doc = json.load(sys.stdin)
listed, total = len(doc["jobs"]), doc["numberTotal"]
if (listed, total) != (int(sys.argv[1]), int(sys.argv[2])):
    sys.exit(f"listed {listed} of {total}, expected {sys.argv[1]} of {sys.argv[2]}")' "$expected_listed" "$expected_total" ||
    die "$1: wrong list"
}

# Prints "median p95 cpu" in ms over RUNS runs of PROGRAM with QUERY_STRING=QUERY.
measure() {  # args: query program
  local json="$WORK/hyperfine.json"
  cgi_vars "$1"
  # hyperfine's warnings (outliers on a busy machine) would land in the table: kept aside, shown if it fails.
  (cd "$CGI" && env -i "${CGI_VARS[@]}" /usr/bin/hyperfine -N --style none --warmup 3 --runs "$RUNS" \
    --output null --export-json "$json" "$2") >/dev/null 2>"$WORK/hyperfine.err" ||
    { cat "$WORK/hyperfine.err" >&2; die "hyperfine failed on $2"; }
  /usr/bin/python3 -c 'import json, math, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = sorted(r["times"])
p50 = t[(len(t) + 1) // 2 - 1]; p95 = t[math.ceil(len(t) * 0.95) - 1]
cpu = r["user"] + r["system"]
print(f"{p50 * 1000:.2f} {p95 * 1000:.2f} {cpu * 1000:.2f}")' "$json"
}

log "$RUNS runs per case; CGI: $DIST/zoo_loader.cgi; $JOBS finished jobs"
printf '%-46s %10s %10s %10s\n' case "median ms" "p95 ms" "cpu ms"
row() { printf '%-46s %10s %10s %10s\n' "$1" $2; }

res="$(measure "" /bin/true)"
row "harness (/bin/true)" "$res"
for c in "${CASES[@]}"; do
  cgi_vars "$(query_of "$c")"
  (cd "$CGI" && env -i "${CGI_VARS[@]}" "$CGI/zoo_loader.cgi") </dev/null >"$WORK/out" 2>"$WORK/out.err" ||
    { head -c 2000 "$WORK/out" "$WORK/out.err" >&2; die "$c: the CGI failed"; }
  check_case "$c" "$WORK/out"
  res="$(measure "$(query_of "$c")" "$CGI/zoo_loader.cgi")"
  label="GET $c"
  [[ "$c" == /jobs/* ]] && label="GET /jobs/{id}"
  row "$label ($JOBS jobs)" "$res"
done
