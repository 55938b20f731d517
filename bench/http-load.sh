#!/usr/bin/env bash
# bench/http-load.sh - the nginx + fcgiwrap deployment of serve.sh under load, on loopback only.
#
# Usage: bash bench/http-load.sh [REQUESTS]     (requests per case and concurrency, default 500; needs bash build.sh)
# Environment: ZOO_DIST (default dist/cgi-bin), PORT (default 18089), CLIENTS (default "1 10 50"),
#              JOBS (asynchronous jobs started at once, default 200), SERVER (nginx, or apache: serve.sh --apache)
#
# 1. GetCapabilities, DescribeProcess and a synchronous Execute of HelloPy at 1, 10 and 50 concurrent clients
#    (ApacheBench, `ab`, keep-alive off as a CGI server sees it): requests per second, p50/p95/p99 and failures.
# 2. JOBS asynchronous Executes of HelloPy started at once (curl, one process each): the accept latency
#    (median, p95, max), then each job polled with GetStatus until it ends: how many succeeded, failed, or are
#    lost (no job id, or never ended within the deadline). Nothing may be lost.
# The server serves a copy of dist with its own tmpPath; it is stopped at the end. Bounded: each request times
# out after 60 s, the jobs after 300 s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
REQUESTS="${1:-${REQUESTS:-500}}"
PORT="${PORT:-18089}"
CLIENTS="${CLIENTS:-1 10 50}"
JOBS="${JOBS:-200}"

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench] %s\n' "$*" >&2; }
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
. "$ROOT/scripts/packages.sh"
ensure_packages ab:apache2-utils curl:curl || die "cannot install ApacheBench and curl"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-http-load.XXXXXX")"
chmod 0755 "$WORK"   # as root, Apache runs the CGIs as www-data, which must get into the copy
SERVE_ARGS=(--background)
[[ "${SERVER:-nginx}" == apache ]] && SERVE_ARGS+=(--apache)
stop() { PORT="$PORT" ZOO_DIST="$WORK/cgi" bash "$ROOT/serve.sh" --stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap stop EXIT
cp -r "$DIST" "$WORK/cgi"
mkdir -p "$WORK/tmp"
BASE="http://127.0.0.1:$PORT"
sed -i -e "s|^tmpPath=.*|tmpPath=$WORK/tmp|" -e "s|^cacheDir=.*|cacheDir=$WORK/tmp|" \
  -e "s|^serverAddress=.*|serverAddress=$BASE/cgi-bin/zoo_loader.cgi|" -e "s|^tmpUrl=.*|tmpUrl=$BASE/temp/|" "$WORK/cgi/main.cfg"
PORT="$PORT" ZOO_DIST="$WORK/cgi" ZOO_SERVE_LOG="$WORK/serve.log" bash "$ROOT/serve.sh" "${SERVE_ARGS[@]}" >/dev/null 2>&1 \
  || { cat "$WORK/serve.log" >&2; die "serve.sh did not start"; }

W="$BASE/cgi-bin/zoo_loader.cgi?service=WPS&version=1.0.0"
declare -A CASES=(
  [GetCapabilities]="$W&request=GetCapabilities"
  [DescribeProcess]="$W&request=DescribeProcess&identifier=HelloPy"
  [Execute]="$W&request=Execute&identifier=HelloPy&DataInputs=a=load&ResponseDocument=Result"
)

printf 'load %s, %s cores, %s requests per row, server %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$REQUESTS" "${SERVER:-nginx}"
printf '%-16s %7s %9s %8s %8s %8s %7s\n' request clients 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' failed
for name in GetCapabilities DescribeProcess Execute; do
  for c in $CLIENTS; do
    out="$(ab -q -n "$REQUESTS" -c "$c" -s 60 "${CASES[$name]}" 2>&1)" || die "ab failed on $name: $out"
    rps="$(awk '/^Requests per second/ { print $4 }' <<<"$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    p95="$(awk '$1 == "95%" { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    failed="$(awk '/^Failed requests/ { print $3 }' <<<"$out")"
    non2xx="$(awk '/^Non-2xx responses/ { print $3 }' <<<"$out")"
    printf '%-16s %7s %9s %8s %8s %8s %7s\n' "$name" "$c" "$rps" "$p50" "$p95" "$p99" "$((failed + ${non2xx:-0}))"
  done
done

# ------------------------------------------------------------------------------------ JOBS async jobs
ASYNC="$W&request=Execute&identifier=HelloPy&DataInputs=a=async&ResponseDocument=Result&storeExecuteResponse=true&status=true"
accept() {  # arg: n; prints "seconds statusLocation-job-id" (id empty when refused)
  local out
  out="$(curl -s --max-time 60 -w '\n%{time_total}' "$ASYNC" || true)"
  printf '%s %s\n' "$(tail -n1 <<<"$out")" "$(grep -o 'sid=[0-9a-f-]\{36\}\|[0-9a-f-]\{36\}\.xml' <<<"$out" | head -n1 | grep -o '[0-9a-f-]\{36\}' || true)"
}
export -f accept
export ASYNC
log "starting $JOBS asynchronous jobs at once"
seq "$JOBS" | xargs -P "$JOBS" -I{} bash -c accept >"$WORK/accepted"
ids=($(awk 'NF == 2 { print $2 }' "$WORK/accepted" | sort -u))
no_id=$((JOBS - ${#ids[@]}))
read -r a50 a95 amax < <(awk '{ print $1 * 1000 }' "$WORK/accepted" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f %.0f %.0f\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR] }')
deadline=$((SECONDS + 300)) succeeded=0 failed=0 pending=("${ids[@]}")
while ((${#pending[@]} > 0 && SECONDS < deadline)); do
  still=()
  for id in "${pending[@]}"; do
    s="$(curl -s --max-time 60 "$BASE/cgi-bin/zoo_loader.cgi?service=WPS&version=2.0.0&request=GetStatus&JobID=$id" \
      | grep -o '<wps:Status>[A-Za-z]*' | cut -d'>' -f2 || true)"
    case "$s" in
      Succeeded) succeeded=$((succeeded + 1)) ;;
      Failed) failed=$((failed + 1)) ;;
      *) still+=("$id") ;;
    esac
  done
  pending=("${still[@]}")
  ((${#pending[@]} > 0)) && sleep 1
done
printf '\n%s asynchronous jobs started at once: accept p50 %s ms, p95 %s ms, max %s ms\n' "$JOBS" "$a50" "$a95" "$amax"
printf 'succeeded %s, failed %s, lost %s (no job id %s, never ended %s)\n' "$succeeded" "$failed" \
  "$((no_id + ${#pending[@]}))" "$no_id" "${#pending[@]}"
((no_id + ${#pending[@]} == 0)) || exit 1
