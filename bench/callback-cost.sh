#!/usr/bin/env bash
# bench/callback-cost.sh - what the callback service costs a job: the whole life of one asynchronous Execute
# (LongProcess, duration 0: accept, run, GetStatus until final, the worker's exit), with [callback] url set to a
# local callback server that answers 204 (A), against the same without a callback (B); then the same with the
# callback server down (nothing listening), which the worker waits for at most [callback] timeout after the end.
#
# Usage: bash bench/callback-cost.sh [RUNS]      (default 20; needs hyperfine, dist/cgi-bin from build.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/hyperfine:hyperfine || { echo "[bench] ERROR: cannot install hyperfine" >&2; exit 1; }
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-20}"
WORK="$(mktemp -d)"
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

copy() {   # copy NAME [callback url]: a dist copy whose tmpPath and cacheDir are its own
  local dir="$WORK/$1"
  cp -r "$DIST" "$dir"
  mkdir -p "$dir/tmp" "$dir/cache"
  sed -i -e "s|^tmpPath=.*|tmpPath=$dir/tmp|" -e "s|^cacheDir=.*|cacheDir=$dir/cache|" "$dir/main.cfg"
  if [[ -n "${2:-}" ]]; then
    printf '\n[callback]\nurl=%s\ntimeout=%s\n' "$2" "${3:-10}" >>"$dir/main.cfg"
  fi
  echo "$dir"
}

PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 - "$PORT" >/dev/null 2>&1 <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
class Callback(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
HTTPServer(("127.0.0.1", int(sys.argv[1])), Callback).serve_forever()
PY
SERVER=$!
DOWN=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

plain=$(copy plain)
called=$(copy called "http://127.0.0.1:$PORT/cb/")
down=$(copy down "http://127.0.0.1:$DOWN/cb/" 2)
JOB="$ROOT/bench/callback/one-job.sh"

echo "== a job with a callback server that answers (A) vs without callback (B)"
hyperfine --runs "$RUNS" -n "with the callback service" "bash $JOB $called" -n "without" "bash $JOB $plain"
echo "== a job with a callback server that is down, [callback] timeout=2 (A) vs without callback (B)"
hyperfine --runs "$(( RUNS < 5 ? RUNS : 5 ))" -n "callback service down" "bash $JOB $down" -n "without" "bash $JOB $plain"
