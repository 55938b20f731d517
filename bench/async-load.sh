#!/usr/bin/env bash
# bench/async-load.sh - many asynchronous Executes at once against zoo_loader.cgi, run the way a web
# server runs it (one process per request, CGI variables in a clean environment, cwd = the directory of
# main.cfg), on a temporary copy of dist whose tmpPath is inside the copy.
#
# Usage: bash bench/async-load.sh [N]              (N: jobs, default 50; or env JOBS)
#
# Environment:
#   ZOO_DIST     directory holding zoo_loader.cgi and main.cfg (default: dist/cgi-bin; bash build.sh)
#   JOBS         number of jobs (default 50)
#   DURATION     LongProcess duration in seconds (default 1)
#   STEPS        LongProcess progress updates (default 5)
#   DEADLINE     seconds until every job must be final (default 180)
#   BENCH_KEEP=1 keep the temporary copy (job files, answers) for a look
#
# What it does:
#   1. starts N CGI processes that all wait on one FIFO, then releases them at once; half send a WPS
#      1.0.0 KVP Execute (storeExecuteResponse=true&status=true), half a 2.0.0 POST mode="async", of the
#      sample service LongProcess; each one's accept latency is its wall time, fork to exit;
#   2. checks every answer (Status 200, ProcessAccepted / StatusInfo Accepted, a JobID);
#   3. polls every job with 2.0.0 GetStatus until all are Succeeded or Failed (or the deadline);
#   4. meanwhile a reader reads every <Service>_<id>.xml and <id>.status in tmpPath again and again
#      and counts a torn read whenever an xml file does not parse or a status file is not
#      "<percent>|<message>".
# It prints jobs, succeeded/failed, unique ids, accept latency median/p95/max, the wall time until all
# jobs were final, and the reads/torn reads; and exits non-zero on any failure (a refused request,
# a failed job, a duplicate id, a torn read, the deadline).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
JOBS="${1:-${JOBS:-50}}"
DURATION="${DURATION:-1}"
STEPS="${STEPS:-5}"
DEADLINE="${DEADLINE:-180}"

die() { printf '[async-load] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[async-load] %s\n' "$*" >&2; }

[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer (got '$JOBS')"
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
[[ -f "$DIST/main.cfg" ]] || die "$DIST/main.cfg is missing"
[[ -f "$DIST/LongProcess.zcfg" ]] || die "$DIST/LongProcess.zcfg is missing (the sample service this bench runs)"
((BASH_VERSINFO[0] >= 5)) || die "bash 5 or newer is needed (\$EPOCHREALTIME)"
PYTHON="$(command -v python3)" || die "python3 is needed (the reader, and LongProcess itself)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-async-load.XXXXXX")"
DIR="$WORK/dist"
TMP="$DIR/tmp"
OUT="$WORK/out"
READER_PID=""

# Stops what this run started and is still there: the reader, and any worker of this copy's main.cfg
# (found by its command line, `zoo_loader.cgi --worker <this main.cfg> <id>`) with its children.
cleanup() {
  local pid child
  [[ -n "$READER_PID" ]] && kill "$READER_PID" 2>/dev/null || true
  for pid in $(grep -lsF -- "$DIR/main.cfg" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "--worker" || continue
    for child in $(cat "/proc/$pid/task/"*/children 2>/dev/null); do kill -KILL "$child" 2>/dev/null || true; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------ the copy
. "$ROOT/scripts/ini.sh"

mkdir -p "$DIR" "$OUT"
cp -a "$DIST/." "$DIR/"
mkdir -p "$TMP" "$DIR/.cache"
svc="$(ini_get "$DIST/main.cfg" main servicePath)"
[[ -z "$svc" || "$svc" == /* ]] || svc="$DIST/$svc"
[[ -z "$svc" ]] || ini_set "$DIR/main.cfg" main servicePath "$svc"
ini_set "$DIR/main.cfg" main tmpPath "$TMP"
ini_set "$DIR/main.cfg" main cacheDir "$DIR/.cache"

# ------------------------------------------------------------------------------------ requests
KVP_QUERY="service=WPS&version=1.0.0&request=Execute&Identifier=LongProcess&DataInputs=duration=$DURATION;steps=$STEPS&ResponseDocument=Result&storeExecuteResponse=true&status=true"
cat >"$WORK/execute-2.0.0.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<wps:Execute service="WPS" version="2.0.0" response="document" mode="async" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0">
  <ows:Identifier>LongProcess</ows:Identifier>
  <wps:Input id="duration"><wps:Data>$DURATION</wps:Data></wps:Input>
  <wps:Input id="steps"><wps:Data>$STEPS</wps:Data></wps:Input>
  <wps:Output id="Result" transmission="value"/>
</wps:Execute>
EOF

# Runs the CGI once: args method query [body-file]; stdout is the CGI's output.
run_cgi() {
  local vars=(PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1
    SERVER_NAME=127.0.0.1 SERVER_PORT=8080 SERVER_SOFTWARE=zoo-bench REMOTE_ADDR=127.0.0.1
    SCRIPT_NAME=/cgi-bin/zoo_loader.cgi SCRIPT_FILENAME="$DIR/zoo_loader.cgi" HTTP_HOST=127.0.0.1:8080
    REQUEST_METHOD="$1" QUERY_STRING="$2")
  if [[ -n "${3:-}" ]]; then
    (cd "$DIR" && exec env -i "${vars[@]}" CONTENT_TYPE=text/xml CONTENT_LENGTH="$(stat -c %s "$3")" ./zoo_loader.cgi) <"$3"
  else
    (cd "$DIR" && exec env -i "${vars[@]}" ./zoo_loader.cgi) </dev/null
  fi
}

# ------------------------------------------------------------------------------------ reader
# Reads every response (.xml) and status file of tmpPath in a loop until $WORK/stop exists; prints
# "xml-reads status-reads torn" and the first torn reads to $WORK/reader.txt.
"$PYTHON" - "$TMP" "$WORK/stop" "$WORK/reader.txt" <<'EOF' &
import os, re, sys, xml.dom.minidom
tmp, stop, report = sys.argv[1:4]
status_line = re.compile(r"^\d{1,3}\|.*\Z", re.S)
xml_reads = status_reads = 0
torn = []
while True:
    last = os.path.exists(stop)   # one more full pass after the stop signal
    for name in os.listdir(tmp):
        is_xml, is_status = name.endswith(".xml"), name.endswith(".status")
        if not (is_xml or is_status):
            continue
        try:
            with open(os.path.join(tmp, name), "rb") as f:
                data = f.read()
        except FileNotFoundError:
            continue
        if is_xml:
            xml_reads += 1
            try:
                xml.dom.minidom.parseString(data)
            except Exception as e:
                torn.append("%s: %s (%d bytes)" % (name, e, len(data)))
        else:
            status_reads += 1
            if not status_line.match(data.decode("utf-8", "replace")):
                torn.append("%s: %r" % (name, data[:80]))
    if last:
        break
with open(report, "w") as f:
    f.write("%d %d %d\n" % (xml_reads, status_reads, len(torn)))
    for line in torn[:20]:
        f.write(line + "\n")
EOF
READER_PID=$!

# ------------------------------------------------------------------------------------ launch
# Every client opens the FIFO (which does not block: this shell holds it open read-write) and waits
# for one line; N lines written at once release them together. The accept latency is measured in the
# client around the CGI alone (it includes one fork/exec of the client's shell).
mkfifo "$WORK/go"
exec 3<>"$WORK/go"
CLIENTS=()
for ((i = 0; i < JOBS; i++)); do
  (
    exec 3>&-   # the CGI and its worker must not inherit the FIFO
    read -r _ <"$WORK/go"
    t0=$EPOCHREALTIME
    if ((i % 2 == 0)); then run_cgi GET "$KVP_QUERY" >"$OUT/$i.out" 2>"$OUT/$i.err"; else
      run_cgi POST "" "$WORK/execute-2.0.0.xml" >"$OUT/$i.out" 2>"$OUT/$i.err"; fi
    t1=$EPOCHREALTIME
    echo $((${t1/./} - ${t0/./})) >"$OUT/$i.us"
  ) &
  CLIENTS+=($!)
done
# A line each, all at once: a client that opens the FIFO late still finds its line in the pipe.
start=$EPOCHREALTIME
printf '\n%.0s' $(seq "$JOBS") >&3
wait "${CLIENTS[@]}"
exec 3>&-

# ------------------------------------------------------------------------------------ answers
declare -a IDS=()
refused=0
for ((i = 0; i < JOBS; i++)); do
  f="$OUT/$i.out"
  status="$(sed -n '1,/^\r\{0,1\}$/p' "$f" | tr -d '\r' | sed -n 's/^[Ss]tatus:[[:space:]]*//p' | head -1)"
  if ((i % 2 == 0)); then
    id="$(grep -o 'DataInputs=sid=[0-9a-f-]*' "$f" | head -1 | cut -d= -f3)"
    accepted="$(grep -c '<wps:ProcessAccepted' "$f" || true)"
  else
    id="$(sed -n 's#.*<wps:JobID>\([0-9a-f-]*\)</wps:JobID>.*#\1#p' "$f" | head -1)"
    accepted="$(grep -c '<wps:Status>Accepted</wps:Status>' "$f" || true)"
  fi
  if [[ "${status%% *}" != 200 || -z "$id" || "$accepted" -lt 1 ]]; then
    refused=$((refused + 1))
    log "request $i was not accepted (status '$status'):"
    head -c 1500 "$f" >&2; head -c 500 "$OUT/$i.err" >&2; echo >&2
    continue
  fi
  IDS+=("$id")
done
unique="$(printf '%s\n' "${IDS[@]}" | sort -u | grep -c . || true)"

# ------------------------------------------------------------------------------------ polling
declare -A FINAL=()
deadline_hit=0
while ((${#FINAL[@]} < ${#IDS[@]})); do
  for id in "${IDS[@]}"; do
    [[ -n "${FINAL[$id]:-}" ]] && continue
    s="$(run_cgi GET "service=WPS&version=2.0.0&request=GetStatus&JobID=$id" | sed -n 's#.*<wps:Status>\([A-Za-z]*\)</wps:Status>.*#\1#p')"
    [[ "$s" == Succeeded || "$s" == Failed ]] && FINAL[$id]="$s"
  done
  now=$EPOCHREALTIME
  if (((${now/./} - ${start/./}) / 1000000 > DEADLINE)); then deadline_hit=1; break; fi
done
end=$EPOCHREALTIME
touch "$WORK/stop"
wait "$READER_PID" || true
READER_PID=""

succeeded=0 failed=0
for id in "${IDS[@]}"; do
  case "${FINAL[$id]:-}" in Succeeded) succeeded=$((succeeded + 1)) ;; Failed) failed=$((failed + 1)) ;; esac
done
read -r xml_reads status_reads torn <"$WORK/reader.txt" || { xml_reads=0 status_reads=0 torn=unknown; }

# ------------------------------------------------------------------------------------ report
latency="$(cat "$OUT"/*.us | sort -n | awk '
  { v[NR] = $1 }
  END {
    p50 = v[int((NR + 1) / 2)]; i95 = int(NR * 0.95); if (i95 < NR * 0.95) i95++
    printf "%.1f / %.1f / %.1f", p50 / 1000, v[i95] / 1000, v[NR] / 1000
  }')"
printf '%-40s %s\n' "jobs" "$JOBS (LongProcess duration=$DURATION steps=$STEPS; half 1.0.0 KVP, half 2.0.0 POST)"
printf '%-40s %s\n' "accepted / refused" "${#IDS[@]} / $refused"
printf '%-40s %s\n' "succeeded / failed / not final" "$succeeded / $failed / $((${#IDS[@]} - succeeded - failed))"
printf '%-40s %s\n' "unique job ids" "$unique of ${#IDS[@]}"
printf '%-40s %s\n' "accept latency median / p95 / max (ms)" "$latency"
printf '%-40s %.2f\n' "wall time until all final (s)" "$(awk -v a="${start/./}" -v b="${end/./}" 'BEGIN { print (b - a) / 1e6 }')"
printf '%-40s %s\n' "reads: xml / status" "$xml_reads / $status_reads"
printf '%-40s %s\n' "torn reads" "$torn"
[[ "$torn" == 0 ]] || sed -n '2,$p' "$WORK/reader.txt" >&2

rc=0
((refused == 0)) || { log "FAIL: $refused requests were not accepted"; rc=1; }
((deadline_hit == 0)) || { log "FAIL: not every job was final within $DEADLINE s"; rc=1; }
((succeeded == JOBS)) || { log "FAIL: $succeeded of $JOBS jobs succeeded"; rc=1; }
((unique == ${#IDS[@]})) || { log "FAIL: duplicate job ids"; rc=1; }
[[ "$torn" == 0 ]] || { log "FAIL: $torn torn reads"; rc=1; }
((xml_reads > 0 && status_reads > 0)) || { log "FAIL: the reader read no status/response file: nothing was checked"; rc=1; }
exit $rc
