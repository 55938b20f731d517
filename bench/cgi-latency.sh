#!/usr/bin/env bash
# bench/cgi-latency.sh - latency and memory of zoo_loader.cgi run the way a web server runs it:
# one process per request, CGI variables in a clean environment, cwd = the directory of main.cfg.
#
# Usage: bash bench/cgi-latency.sh [RUNS]          (RUNS: runs per case, default 50; or env RUNS)
#
# Environment:
#   ZOO_DIST     directory holding zoo_loader.cgi and main.cfg (default: dist/cgi-bin; bash build.sh)
#   RUNS         runs per case (default 50)
#   RSS_RUNS     runs per case under /usr/bin/time -v for the peak RSS (default 3; the max is shown)
#   BENCH_KEEP=1 keep the temporary copies of dist (with the generated services) for a look
#
# For each request (GetCapabilities 1.0.0, DescribeProcess HelloPy 1.0.0) and each service set
# (the bundled services; bundled + 50 generated; bundled + 200 generated) it prints the median and
# p95 wall time and the peak RSS. Every response must have status 200 and no ExceptionReport: the
# script fails loudly otherwise, so a broken case never passes for a fast one.
#
# The first row, "harness", runs /bin/true through the same launcher: the part of every number
# that is this script's own fork/exec cost, not the CGI's.
#
# Wall time comes from hyperfine -N: it forks and execs the CGI directly, as a web server does, with
# no shell in between, so the numbers are the CGI's own start-up and work (the harness row shows
# what a process that does nothing costs the same way). Every case's response is first checked once.
# Peak RSS comes from separate runs under /usr/bin/time -v, so its overhead never skews the timings.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-${RUNS:-50}}"
RSS_RUNS="${RSS_RUNS:-3}"
GENERATED_COUNTS=(50 200)

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench] %s\n' "$*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
[[ -f "$DIST/main.cfg" ]] || die "$DIST/main.cfg is missing"
((BASH_VERSINFO[0] >= 5)) || die "bash 5 or newer is needed (\$EPOCHREALTIME)"

# GNU time (Debian package `time`) for "Maximum resident set size"; bash's `time` keyword has no RSS.
# hyperfine for the timings.
. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/time:time /usr/bin/hyperfine:hyperfine || die "cannot install time and hyperfine"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
  log "keeping the generated service sets in $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

# ------------------------------------------------------------------------------------ requests
# One function per request. Each sets REQ_METHOD, REQ_QUERY and, for a POST, REQ_BODY (a file) and
# REQ_CONTENT_TYPE. To add a case, write a function here and add its name to REQUESTS.
req_GetCapabilities() {
  REQ_METHOD=GET REQ_QUERY="service=WPS&request=GetCapabilities&version=1.0.0"
}
req_DescribeProcess() {
  REQ_METHOD=GET REQ_QUERY="service=WPS&version=1.0.0&request=DescribeProcess&identifier=HelloPy"
}
# A synchronous Execute of the HelloPy service: most of its time is python3 starting. A POST case
# would set REQ_METHOD=POST, REQ_BODY=<file> and REQ_CONTENT_TYPE=text/xml instead.
req_Execute() {
  REQ_METHOD=GET
  REQ_QUERY="service=WPS&version=1.0.0&request=Execute&identifier=HelloPy&DataInputs=a=bench&ResponseDocument=Result"
}
REQUESTS=(GetCapabilities DescribeProcess Execute)

# ------------------------------------------------------------------------------------ service sets
. "$ROOT/scripts/ini.sh"

# Copies dist into $WORK/<name> with NUM generated services added (NUM may be 0), and prints the
# copy's path. Generated services go where ZOO looks for them: [main] servicePath, else the cgi dir.
# The copy's servicePath, when set, is pointed at a copy of it; tmpPath/cacheDir go under $WORK.
make_service_set() {  # args: name num
  local dir="$WORK/$1" num="$2" svc i id
  cp -a "$DIST/." "$dir/"
  svc="$(ini_get "$dir/main.cfg" main servicePath)"
  if [[ -n "$svc" ]]; then
    [[ "$svc" == /* ]] || svc="$DIST/$svc"
    mkdir -p "$dir/.services"
    cp -a "$svc/." "$dir/.services/"
    svc="$dir/.services"
  else
    svc="$dir"
  fi
  mkdir -p "$dir/.tmp" "$dir/.cache"
  awk -v svc="$svc" -v tmp="$dir/.tmp" -v cache="$dir/.cache" '
    /^[[:space:]]*\[/ { s = $0; gsub(/^[[:space:]]*\[[[:space:]]*|[[:space:]]*\].*$/, "", s); inmain = (s == "main") }
    inmain && /^[[:space:]]*servicePath[[:space:]]*=/ { print "servicePath=" svc; next }
    inmain && /^[[:space:]]*tmpPath[[:space:]]*=/    { print "tmpPath=" tmp; next }
    inmain && /^[[:space:]]*cacheDir[[:space:]]*=/   { print "cacheDir=" cache; next }
    { print }' "$DIST/main.cfg" >"$dir/main.cfg"

  ((num > 0)) || { echo "$dir"; return; }
  # A literal in, a literal out, Python: the simplest complete process description.
  : >"$svc/bench_generated.py"
  for ((i = 1; i <= num; i++)); do
    printf -v id 'BenchEcho%03d' "$i"
    cat >"$svc/$id.zcfg" <<EOF
[$id]
 Title = Generated benchmark process $i.
 Abstract = Returns its input unchanged (generated by bench/cgi-latency.sh).
 processVersion = 1
 storeSupported = true
 statusSupported = true
 serviceType = Python
 serviceProvider = bench_generated
 <DataInputs>
  [a]
   Title = Input string
   Abstract = Any string.
   minOccurs = 1
   maxOccurs = 1
   <LiteralData>
    dataType = string
    <Default />
   </LiteralData>
 </DataInputs>
 <DataOutputs>
  [Result]
   Title = The input string
   Abstract = The input, unchanged.
   <LiteralData>
    dataType = string
    <Default />
   </LiteralData>
 </DataOutputs>
EOF
    printf 'def %s(conf, inputs, outputs):\n    outputs["Result"]["value"] = inputs["a"]["value"]\n    return 3\n\n' \
      "$id" >>"$svc/bench_generated.py"
  done
  echo "$dir"
}

# ------------------------------------------------------------------------------------ running
# Runs PROGRAM once as a CGI: clean environment with the request's variables, cwd = DIR,
# stdout to OUT, stderr to OUT.err (shown when a run fails). The caller may prefix a wrapper
# (e.g. /usr/bin/time).
# The CGI variables of the current request for DIR, one NAME=VALUE a line, into the array CGI_VARS.
cgi_vars() {  # args: dir
  CGI_VARS=(PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1
    SERVER_NAME=127.0.0.1 SERVER_PORT=8080 SERVER_SOFTWARE=zoo-bench REMOTE_ADDR=127.0.0.1
    SCRIPT_NAME=/cgi-bin/zoo_loader.cgi SCRIPT_FILENAME="$1/zoo_loader.cgi"
    REQUEST_METHOD="$REQ_METHOD" QUERY_STRING="$REQ_QUERY" HTTP_HOST=127.0.0.1:8080)
  if [[ -n "${REQ_BODY:-}" ]]; then
    CGI_VARS+=(CONTENT_TYPE="${REQ_CONTENT_TYPE:-text/xml}" CONTENT_LENGTH="$(stat -c %s "$REQ_BODY")")
  fi
}

run_cgi() {  # args: dir out program [wrapper...]
  local dir="$1" out="$2" prog="$3"; shift 3
  local body="${REQ_BODY:-/dev/null}"
  cgi_vars "$dir"
  (cd "$dir" && exec "$@" env -i "${CGI_VARS[@]}" "$prog") <"$body" >"$out" 2>"$out.err"
}

# RUNS wall times of PROGRAM in microseconds, one a line, measured by hyperfine without a shell.
# hyperfine gives the CGI an empty standard input, so only bodiless requests are timed this way.
time_runs() {  # args: dir program
  local dir="$1" prog="$2" json="$WORK/hyperfine.json"
  [[ -z "${REQ_BODY:-}" ]] || die "time_runs: requests with a body are not supported"
  cgi_vars "$dir"
  (cd "$dir" && env -i "${CGI_VARS[@]}" /usr/bin/hyperfine -N --style none --warmup 3 --runs "$RUNS" \
    --output null --export-json "$json" "$prog") >/dev/null
  /usr/bin/python3 -c 'import json, sys
for t in json.load(open(sys.argv[1]))["results"][0]["times"]: print(round(t * 1e6))' "$json"
}

# Fails loudly unless OUT is a 200 response without an ExceptionReport. No Status header means
# 200 to a web server, as in CGI/1.1.
check_response() {  # args: out label
  local status
  status="$(sed -n '1,/^\r\{0,1\}$/p' "$1" | tr -d '\r' | sed -n 's/^[Ss]tatus:[[:space:]]*//p' | head -1)"
  status="${status:-200}"
  # An ExceptionReport element (in text, a literal `<` would be escaped, so this is a tag).
  if [[ "${status%% *}" != 200 ]] || grep -qE '<([[:alnum:]_.-]+:)?ExceptionReport[[:space:]/>]' "$1"; then
    printf '[bench] ERROR: %s: expected status 200 without an ExceptionReport, got "%s":\n' "$2" "$status" >&2
    head -c 2000 "$1" >&2
    printf '\n[bench] its stderr:\n' >&2
    head -c 2000 "$1.err" >&2
    exit 1
  fi
}

# Prints "median p95 peak-RSS-MiB" for RUNS runs of the current request against DIR.
measure() {  # args: dir program label check(0|1)
  local dir="$1" prog="$2" label="$3" check="$4" out="$WORK/out" i rc rss max_rss=0
  local -a times=()
  rc=0; run_cgi "$dir" "$out" "$prog" || rc=$?
  ((rc == 0)) || { head -c 2000 "$out" "$out.err" >&2; die "$label: exit status $rc"; }
  ((check)) && check_response "$out" "$label"
  mapfile -t times < <(time_runs "$dir" "$prog")
  ((${#times[@]} == RUNS)) || die "$label: hyperfine gave ${#times[@]} samples, not $RUNS"
  for ((i = 0; i < RSS_RUNS; i++)); do
    run_cgi "$dir" "$out" "$prog" /usr/bin/time -v -o "$WORK/time" || die "$label: failed under /usr/bin/time"
    rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$WORK/time")"
    ((rss > max_rss)) && max_rss=$rss
  done
  # nearest-rank percentiles over the sorted samples
  printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$max_rss" '
    { v[NR] = $1 }
    END {
      p50 = v[int((NR + 1) / 2)]; i95 = int(NR * 0.95); if (i95 < NR * 0.95) i95++
      printf "%.2f %.2f %.1f\n", p50 / 1000, v[i95] / 1000, rss / 1024
    }'
}

# ------------------------------------------------------------------------------------ main
declare -A SET_DIR
SET_DIR[bundled]="$(make_service_set bundled 0)"
SETS=(bundled)
for n in "${GENERATED_COUNTS[@]}"; do
  SET_DIR["bundled+$n"]="$(make_service_set "gen$n" "$n")"
  SETS+=("bundled+$n")
done

log "$RUNS runs per case, peak RSS over $RSS_RUNS runs; CGI: $DIST/zoo_loader.cgi"
printf '%-34s %10s %10s %14s\n' case "median ms" "p95 ms" "peak RSS MiB"
row() { printf '%-34s %10s %10s %14s\n' "$1" $2; }

REQ_METHOD=GET REQ_QUERY="" REQ_BODY=""
# (measure runs in a command substitution: assigning its output first lets `set -e` see a failure)
res="$(measure "${SET_DIR[bundled]}" /bin/true harness 0)"
row "harness (/bin/true)" "$res"
for req in "${REQUESTS[@]}"; do
  for set in "${SETS[@]}"; do
    REQ_BODY="" REQ_CONTENT_TYPE=""
    "req_$req"
    label="$req 1.0.0, $set"
    res="$(measure "${SET_DIR[$set]}" "${SET_DIR[$set]}/zoo_loader.cgi" "$label" 1)"
    row "$label" "$res"
  done
done
