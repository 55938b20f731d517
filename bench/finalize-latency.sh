#!/usr/bin/env bash
# bench/finalize-latency.sh - how long after a Slurm job ends does its WPS job report Succeeded, for each of
# the three ways the end reaches the job's waiting worker (zoo_loader.cgi --worker):
#   footer  the job script's footer calls FinalizeHPC.cgi over HTTP (nginx + fcgiwrap, a private serve.sh);
#           the job is still RUNNING then, so the cluster watches for its end (scontrol every 50 ms, then sacct) for up to
#           a second, and the worker then follows sacct (every 50 ms five times, 100, 200, 400 ms, then 0.5 s)
#   mail    Slurm's END mail handed to `FinalizeHPC.cgi --mail <main.cfg>` on stdin, as an MTA alias pipe does
#   poll    no notice at all: the worker asks sacct every sacct_poll_interval seconds (POLL_INTERVAL, default 5)
#
# Usage: bash bench/finalize-latency.sh [RUNS]     (RUNS: runs per path, default 5; or env RUNS)
#
# Needs: the test cluster of ../shared/infra running on this machine (its cluster.env; the cluster's home is
# read locally), dist/cgi-bin built (bash build.sh), gdal_create, curl, python3, root or the dist owner.
#
# Environment:
#   ZOO_DIST          directory holding zoo_loader.cgi, FinalizeHPC.cgi and main.cfg (default dist/cgi-bin)
#   ZOO_CLUSTER_ENV   the cluster's env file (default /tmp/zoo-slurm/cluster.env)
#   RUNS              runs per path (default 5)
#   BENCH_PATHS       which paths, in the order each round runs them (default "footer mail poll")
#   POLL_INTERVAL     sacct_poll_interval of the poll path, seconds (default 5)
#   DEADLINE          seconds a job may take from Execute to its end before the bench gives up (default 120)
#   BENCH_KEEP=1      keep the temporary copy (job files, logs, per-run measurements) for a look
#
# What is measured, per run (one hpc.BandMath job at a time, 2.0.0 async Execute of im1b1*2 on a 16x16 GeoTIFF;
# the rounds interleave the paths, so a change of machine load hits every path alike):
#
#   job end      the instant the job script finishes: the last line of its footer (a test-only footer in a
#                temporary copy of dist/cgi-bin; the bundled one is not used) writes `date +%s%N` into
#                zoo-bench-<usid>.end in remote_work_path, which this machine reads directly. Only
#                `exit $ZOO_SERVICE_STATUS` follows it. In the footer path that line comes AFTER the curl to
#                FinalizeHPC, so the HTTP call counts as part of the job, not of the latency (its own duration
#                is reported: a line before the curl writes zoo-bench-<usid>.start).
#                Cross-checked against Slurm: slurmctld's log line "_job_complete: JobId=N done" (ms
#                resolution) must come after it, and sacct's End (1 s resolution) must be the same second or
#                the next.
#   woken        (footer path) the mtime of the worker's first "30|Slurm job N is <state>" status, which it writes
#                when FinalizeHPC's notice wakes it and sacct still lists the job as running: the notice comes just
#                before the job ends, and from then on the cluster watches for the end.
#   Succeeded    the mtime (ns) of <tmpPath>/<usid>.res, the worker's very last write, which must say
#                status=Succeeded (it is written to a temporary name and renamed, so the mtime is the write);
#                a GetStatus afterwards must answer Succeeded too.
#   end known    when the worker had Slurm's terminal record: it writes 70 % to <usid>.status right after its
#                wait ends; the mtime of the first status version seen at >= 70 % (read every 5 ms; exact
#                but for a step replaced within 5 ms, see write_watcher).
#   downloaded   the mtime of the first status seen at 90 % (outputs home): "download" is 70 % -> 90 %, the
#                download of the output and both SHA-256 sums. The output is tiny (a 16x16 GeoTIFF, < 2 KB), so
#                the download here is close to its fixed cost (one remote command that gives its size, its
#                SHA-256 and the file, over the connection the worker holds; a kernel before 2026-12 opened an
#                SFTP connection and ran a second command for the checksum).
#                (File times: a new file's mtime may come from the kernel's coarse clock, up to one timer tick,
#                a few ms, early; the job-end stamp and the watchers' own times are exact.)
#   accepted     when the Execute's answer came back from the CGI (its process exited): the total is
#                accepted -> Succeeded (input sizing, upload, sbatch, queueing, the job, the end, the download).
#   mail path    a watcher stands in for the MTA: it polls the cluster's maildir (new/ and cur/, shared with
#                other users: mails are only ever COPIED, never moved) every MAIL_POLL s (0.05) for the job's
#                END/FAIL mail (its Subject names the usid) and pipes the copy into FinalizeHPC.cgi --mail,
#                trying again after 0.1 s while it exits 75 (EX_TEMPFAIL; a real MTA retries minutes later).
#                Also reported: the MailProg delay (job end -> the mail file's mtime), the watcher's pick-up
#                delay (an MTA pipes at once: this part is the emulation's own cost) and the duration of the
#                FinalizeHPC --mail process.
#   poll path    the expected latency is anywhere up to the interval (plus one sacct call): the job ends at a
#                random point of the worker's polling cycle.
#   notice -> Succeeded  what a notice costs, from the moment it starts on its way to the Succeeded .res, the download
#                of the small output included: for the footer path from the footer's first line (the stamp before its
#                curl to FinalizeHPC), for the mail path from the mail's hand-over to FinalizeHPC.cgi --mail (the MTA
#                stand-in's start of it, so that Slurm's MailProg delay and the stand-in's polling are left out).
# Targets: notice -> Succeeded under 250 ms (median) for footer and mail; under 2 s from job end to "end known"
# (that is, excluding the download) for footer and mail.
#
# The load average (and how many other users' Slurm jobs ran meanwhile) is printed at the start and the end:
# other engineers' builds and tests on the machine make the numbers noisier.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
CLUSTER_ENV="${ZOO_CLUSTER_ENV:-/tmp/zoo-slurm/cluster.env}"
RUNS="${1:-${RUNS:-5}}"
read -r -a PATHS <<<"${BENCH_PATHS:-footer mail poll}"
POLL_INTERVAL="${POLL_INTERVAL:-5}"
DEADLINE="${DEADLINE:-120}"
MAIL_POLL=0.05
PYTHON=/usr/bin/python3   # Debian's: starts fast (a pyenv shim adds tens of ms to the watcher's start)
EXPRESSION='im1b1*2'

die() { printf '[finalize-latency] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[finalize-latency] %s\n' "$*" >&2; }

# ------------------------------------------------------------------------------------ checks
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$POLL_INTERVAL" =~ ^[1-9][0-9]*$ ]] || die "POLL_INTERVAL must be a positive integer of seconds (got '$POLL_INTERVAL')"
for p in "${PATHS[@]}"; do [[ "$p" =~ ^(footer|mail|poll)$ ]] || die "BENCH_PATHS: unknown path '$p' (footer, mail, poll)"; done
[[ -x "$DIST/zoo_loader.cgi" && -x "$DIST/FinalizeHPC.cgi" ]] || die "$DIST lacks zoo_loader.cgi or FinalizeHPC.cgi: run 'bash build.sh' first"
[[ -f "$DIST/main.cfg" && -f "$DIST/hpc/BandMath.zcfg" ]] || die "$DIST lacks main.cfg or hpc/BandMath.zcfg"
[[ -f "$CLUSTER_ENV" ]] || die "no $CLUSTER_ENV: start the test cluster (bash ../shared/infra/start-cluster.sh)"
((BASH_VERSINFO[0] >= 5)) || die "bash 5 or newer is needed (\$EPOCHREALTIME)"
[[ -x "$PYTHON" ]] || PYTHON="$(command -v python3)" || die "python3 is needed (the status watcher)"
for tool in curl gdal_create sacct; do command -v "$tool" >/dev/null || die "$tool is needed"; done
# A binary older than a source it is built from measures old code: say so rather than rebuild behind the caller's back.
if [[ -z "${ZOO_DIST:-}" ]] && [[ -n "$(find "$ROOT"/Zoo.* "$ROOT"/*.Cgi \( -name bin -o -name obj \) -prune -o \
      -type f -newer "$DIST/zoo_loader.cgi" -print -quit 2>/dev/null)" ]]; then
  log "warning: sources changed after $DIST was built: run 'bash build.sh' for current numbers"
fi

# shellcheck disable=SC1090
. "$CLUSTER_ENV"
MAILDIR="$ZOO_TEST_MAILDIR"
CTLD_LOG="$ZOO_TEST_SLURM_STATE_DIR/log/slurmctld.log"
[[ -d "$MAILDIR/new" ]] || die "no maildir at $MAILDIR"
sinfo -h >/dev/null 2>&1 || die "Slurm does not answer (SLURM_CONF=$SLURM_CONF): start the cluster (bash ../shared/infra/start-cluster.sh)"

. "$ROOT/scripts/ini.sh"

# ------------------------------------------------------------------------------------ state and clean-up
# A short directory name: the worker's socket, <tmpPath>/.wait_sockets/.wait_socket_<usid>.sock, must fit the
# 107 bytes of a unix socket path.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/zfl.XXXXXX")"
CGI="$WORK/cgi"
TMP="$CGI/tmp"
PORT=""
JOBS=()            # every usid submitted, for the clean-up
REMOTE_FILES=()    # files this bench's jobs left on the cluster
BG_PIDS=()         # watchers still running

now_ns() { printf -v "$1" '%s000' "${EPOCHREALTIME/./}"; }   # µs clock, in ns like every other stamp here

cleanup() {
  local pid usid slurm_id
  trap '' INT TERM   # a second Ctrl-C must not cut the clean-up short
  for pid in "${BG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for usid in "${JOBS[@]}"; do
    # The Slurm id first: a Dismiss removes the job's files, exec_out_<usid> included.
    slurm_id="$(tr -d '[:space:]' 2>/dev/null <"$TMP/exec_out_$usid" || true)"
    dismiss_if_running "$usid"
    remember_remote_files "$usid" "$slurm_id"
  done
  [[ -n "$PORT" ]] && { PORT="$PORT" ZOO_DIST="$CGI" bash "$ROOT/serve.sh" --stop >/dev/null 2>&1 || log "warning: serve.sh --stop failed (port $PORT)"; }
  ((${#REMOTE_FILES[@]} == 0)) || rm -f -- "${REMOTE_FILES[@]}"
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT   # so that Ctrl-C or a kill also dismisses the job in flight and stops the server
trap 'exit 143' TERM

# A job that has not ended (the bench failed or was interrupted) is dismissed, which also scancels its Slurm
# job; then its worker is given a moment to write its last files before the directory goes.
dismiss_if_running() {  # args: usid
  local usid="$1" pid
  [[ -f "$TMP/$usid.res" ]] && return 0
  pid="$(cat "$TMP/$usid.pid" 2>/dev/null || true)"
  run_cgi GET "service=WPS&version=2.0.0&request=Dismiss&JobID=$usid" >/dev/null 2>&1 || true
  log "dismissed unfinished job $usid"
  [[ -n "$pid" ]] || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

# ------------------------------------------------------------------------------------ the copy of dist
# Sets KEY=VALUE in [SECTION] of an ini file (replacing the first such key, or adding it at the section's end).
free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The footers, with ZOO's %s for the usid (so a literal % is written %%): both end with the job-end stamp.
write_footers() {
  local work="$1" url="http://127.0.0.1:$PORT/cgi-bin/FinalizeHPC.cgi?service=WPS&version=1.0.0&request=Execute&Identifier=FinalizeHPC1&DataInputs=JobId=%s"
  cat >"$CGI/bench_footer_http.sh" <<EOF
# bench/finalize-latency.sh, footer path: the bundled footer's call to FinalizeHPC, between two time stamps.
date +%%s%%N >'$work/zoo-bench-%s.start'
curl --silent --show-error --max-time 30 --output /dev/null --write-out '%%{http_code} %%{time_connect} %%{time_total}\n' \\
  "$url" >'$work/zoo-bench-%s.curl' || echo "FinalizeHPC could not be reached"
date +%%s%%N >'$work/zoo-bench-%s.end'
EOF
  cat >"$CGI/bench_footer_stamp.sh" <<EOF
# bench/finalize-latency.sh, mail and poll paths: no call, only the job-end stamp.
date +%%s%%N >'$work/zoo-bench-%s.end'
EOF
}

# One main.cfg per path, copied over the copy's main.cfg before each run: the worker reads it when it starts,
# FinalizeHPC when it is called, and only one job runs at a time.
make_configs() {
  local cfg="$CGI/main.cfg" section path
  ini_set "$cfg" main tmpUrl "http://127.0.0.1:$PORT/temp/"
  ini_set "$cfg" main serverAddress "http://127.0.0.1:$PORT/cgi-bin/zoo_loader.cgi"
  for path in footer mail poll; do
    cp "$cfg" "$WORK/main-$path.cfg"
    # footer and mail: a poll interval far beyond DEADLINE, so a notice that never arrives fails the run
    # instead of being rescued by polling.
    ini_set "$WORK/main-$path.cfg" HPC sacct_poll_interval "$([[ $path == poll ]] && echo "$POLL_INTERVAL" || echo 600)"
    for section in hpc-config-preview hpc-config-fullres; do
      ini_set "$WORK/main-$path.cfg" "$section" jobscript_footer \
        "$([[ $path == footer ]] && echo bench_footer_http.sh || echo bench_footer_stamp.sh)"
    done
  done
}

prepare_copy() {
  mkdir -p "$CGI"
  cp -a "$DIST/." "$CGI/"
  mkdir -p "$TMP" "$CGI/cache" "$CGI/data"
  # Everything the jobs write locally stays in the copy (serve.sh serves /temp/ from this tmpPath).
  ini_set "$CGI/main.cfg" main tmpPath "$TMP"
  ini_set "$CGI/main.cfg" main sessPath "$TMP"
  ini_set "$CGI/main.cfg" main cacheDir "$CGI/cache"
  ini_set "$CGI/main.cfg" main dataPath "$CGI/data"
  REMOTE_WORK="$(ini_get "$CGI/main.cfg" hpc-config-preview remote_work_path)"
  REMOTE_DATA="$(ini_get "$CGI/main.cfg" hpc-config-preview remote_data_path)"
  [[ -d "$REMOTE_WORK" ]] || die "remote_work_path $REMOTE_WORK is not readable here: this bench needs the cluster on this machine"
  # The input is referenced under tmpUrl, so the kernel reads it from tmpPath: no download in the numbers.
  INPUT_NAME="bench-input.tif"
  gdal_create -q -of GTiff -outsize 16 16 -bands 1 -ot Byte -burn 7 -a_srs EPSG:4326 -a_ullr 0 16 16 0 \
    "$TMP/$INPUT_NAME" || die "gdal_create failed"
  local socket="$TMP/.wait_sockets/.wait_socket_00000000-0000-0000-0000-000000000000.sock"
  ((${#socket} <= 107)) || die "the wait socket path would be ${#socket} bytes (max 107): set TMPDIR to a shorter directory"
}

start_server() {
  PORT="$(free_port)"
  PORT="$PORT" ZOO_DIST="$CGI" ZOO_SERVE_LOG="$WORK/serve.log" bash "$ROOT/serve.sh" --background >/dev/null 2>"$WORK/serve.start" \
    || { cat "$WORK/serve.start" >&2; PORT=""; die "serve.sh could not start"; }
}

# ------------------------------------------------------------------------------------ CGI and jobs
# Runs the CGI once as a web server does: args method query [body-file]; stdout is its answer.
run_cgi() {
  local vars=(PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1
    SERVER_NAME=127.0.0.1 SERVER_PORT="$PORT" SERVER_SOFTWARE=zoo-bench REMOTE_ADDR=127.0.0.1
    SCRIPT_NAME=/cgi-bin/zoo_loader.cgi SCRIPT_FILENAME="$CGI/zoo_loader.cgi" HTTP_HOST="127.0.0.1:$PORT"
    REQUEST_METHOD="$1" QUERY_STRING="$2")
  if [[ -n "${3:-}" ]]; then
    (cd "$CGI" && exec env -i "${vars[@]}" CONTENT_TYPE=text/xml CONTENT_LENGTH="$(stat -c %s "$3")" ./zoo_loader.cgi) <"$3"
  else
    (cd "$CGI" && exec env -i "${vars[@]}" ./zoo_loader.cgi) </dev/null
  fi
}

write_execute() {
  cat >"$WORK/execute.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<wps:Execute service="WPS" version="2.0.0" response="document" mode="async" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:xlink="http://www.w3.org/1999/xlink">
  <ows:Identifier>hpc.BandMath</ows:Identifier>
  <wps:Input id="il"><wps:Reference xlink:href="http://127.0.0.1:$PORT/temp/$INPUT_NAME" mimeType="image/tiff"/></wps:Input>
  <wps:Input id="exp"><wps:Data>$EXPRESSION</wps:Data></wps:Input>
  <wps:Output id="out" transmission="reference"/>
</wps:Execute>
EOF
}

# Posts the Execute; sets USID and ACCEPTED_NS (when the CGI's answer was complete).
submit() {  # args: run-dir
  local dir="$1"
  run_cgi POST "" "$WORK/execute.xml" >"$dir/execute.out" 2>"$dir/execute.err" || die "the Execute CGI failed: $(head -c 500 "$dir/execute.err")"
  now_ns ACCEPTED_NS
  USID="$(sed -n 's#.*<wps:JobID>\([0-9a-f-]*\)</wps:JobID>.*#\1#p' "$dir/execute.out" | head -n1)"
  [[ -n "$USID" ]] && grep -q '<wps:Status>Accepted</wps:Status>' "$dir/execute.out" \
    || die "the Execute was not accepted: $(head -c 1500 "$dir/execute.out")"
  JOBS+=("$USID")
}

# The status watcher: every 5 ms it reads <usid>.status and looks for <usid>.res; writes key=value lines (the
# mtimes of the first status seen at >= 70 % and at >= 90 %, the .res mtime and status) and a trace of every
# status change. The worker replaces these files by rename, so a version's mtime is when it was written.
# A step replaced before the watcher saw it counts as written when the next one seen was: 70 % and 80 % are
# written back to back (no error to speak of); a missed 90 % or 70-80 % with a sub-5 ms download: <= 5 ms.
write_watcher() {
  cat >"$WORK/watch.py" <<'EOF'
import os, re, sys, time
tmp, usid, deadline, out, trace_out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5]
status_file, res_file = os.path.join(tmp, usid + ".status"), os.path.join(tmp, usid + ".res")
first, trace, last, woken = {}, [], None, 0
# What the worker writes when a notice (or a poll) first shows the job not ended yet.
state_report = re.compile(r"^30\|Slurm job [0-9_]+ is ")
result, res_mtime, res_seen = "timeout", 0, 0
limit = time.monotonic() + deadline
while time.monotonic() < limit:
    now = time.time_ns()
    try:
        # fstat of the open file: the mtime of exactly the version read (the status file is replaced by rename)
        with open(status_file) as f:
            mtime, text = os.fstat(f.fileno()).st_mtime_ns, f.read()
        if text != last:
            last = text
            trace.append("%d seen, written %d: %s" % (now, mtime, text))
        if not woken and state_report.match(text):
            woken = mtime
        percent = int(text.split("|", 1)[0])
        for step in (70, 90):
            if percent >= step and step not in first:
                first[step] = mtime
    except (FileNotFoundError, ValueError):
        pass
    try:
        with open(res_file) as f:
            mtime, lines = os.fstat(f.fileno()).st_mtime_ns, f.read().splitlines()
        states = [l.split("=", 1)[1] for l in lines if l.startswith("status=")]
        if states:
            result, res_mtime, res_seen = states[0], mtime, now
            trace.append("%d seen, written %d: .res status=%s" % (now, mtime, states[0]))
            break
    except FileNotFoundError:
        pass
    time.sleep(0.005)
# A step written and replaced between two looks counts as written when the next one seen was.
later = res_mtime
for step in (90, 70):
    first[step] = min(first.get(step, later), later)
    later = first[step]
with open(out, "w") as f:
    f.write("result=%s\nres_mtime_ns=%d\nres_seen_ns=%d\nknown_ns=%d\ndownloaded_ns=%d\n"
            % (result, res_mtime, res_seen, first[70], first[90]))
    if woken:
        f.write("woken_ns=%d\n" % woken)
with open(trace_out, "w") as f:
    f.write("\n".join(trace) + "\n")
sys.exit(0 if result != "timeout" else 1)
EOF
}

# The MTA stand-in of the mail path: waits for the job's END/FAIL mail in the shared maildir (only mails newer
# than the run's marker file are read), copies it, and pipes the copy into FinalizeHPC.cgi --mail. Writes
# key=value lines: the mail's mtime, when it was found, the FinalizeHPC call's start, end, exit status, attempts.
relay_mail() {  # args: usid marker out
  local usid="$1" marker="$2" out="$3" mail="" mtime="" found_ns start_ns end_ns rc attempts=0 limit=$((SECONDS + DEADLINE))
  local subject="^Subject: Slurm Job_id=[0-9]+ Name=ZOO-Project_${usid}_[^ ]+ (Ended|Failed),"
  while [[ -z "$mail" ]]; do
    ((SECONDS < limit)) || { echo "result=no-mail" >"$out"; return 1; }
    sleep "$MAIL_POLL"
    mail="$(find "$MAILDIR/new" "$MAILDIR/cur" -maxdepth 1 -type f -newer "$marker" -print0 2>/dev/null \
      | xargs -0r grep -lE -- "$subject" 2>/dev/null | head -n1)" || true
    [[ -n "$mail" ]] || continue
    now_ns found_ns
    # Somebody else's maildir pass may move it from new/ to cur/ meanwhile: then look again.
    mtime="$(stat -c %.9Y "$mail" 2>/dev/null)" && cp "$mail" "$out.mail" 2>/dev/null || mail=""
  done
  while :; do
    attempts=$((attempts + 1))
    now_ns start_ns
    rc=0
    "$CGI/FinalizeHPC.cgi" --mail "$CGI/main.cfg" <"$out.mail" >>"$out.log" 2>&1 || rc=$?
    now_ns end_ns
    ((rc == 75 && SECONDS < limit)) || break
    sleep 0.1
  done
  printf 'result=%s\nmail_mtime_ns=%s\nmail_found_ns=%s\nfinalize_start_ns=%s\nfinalize_end_ns=%s\nfinalize_rc=%s\nfinalize_attempts=%s\n' \
    "$([[ $rc == 0 ]] && echo ok || echo "exit-$rc")" "${mtime/./}" "$found_ns" "$start_ns" "$end_ns" "$rc" "$attempts" >"$out"
}

value_of() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -n1; }   # args: key=value-file key

# Slurm's view of the end: slurmctld's "_job_complete: JobId=N done" (ms) and sacct's End (s), as ns.
slurm_end() {  # args: slurm-job-id out
  local id="$1" out="$2" line ctld="" sacct_end
  line="$(grep -F "_job_complete: JobId=$id done" "$CTLD_LOG" | tail -n1 || true)"
  [[ "$line" =~ ^\[([0-9T:.-]+)\] ]] && ctld="$(date -d "${BASH_REMATCH[1]}" +%s%N)"
  sacct_end="$(sacct -j "$id" -X -n -P --format=End 2>/dev/null | head -n1)"
  [[ "$sacct_end" =~ ^[0-9]{4}- ]] && sacct_end="$(date -d "$sacct_end" +%s)" || sacct_end=""
  printf 'ctld_done_ns=%s\nsacct_end_s=%s\n' "$ctld" "$sacct_end" >"$out"
}

# Why a run failed, from every side, then stop.
fail_run() {  # args: run-dir usid reason
  local dir="$1" usid="$2"
  log "run $(basename "$dir") (job $usid) failed: $3"
  for f in "$TMP/$usid.res" "$TMP"/*"_${usid}_error.log" "$dir/watch.trace" "$dir/mail.env" "$dir/mail.env.log"; do
    [[ -s "$f" ]] && { log "--- $f"; tail -n 20 "$f" >&2; }
  done
  die "stopping: the numbers of a broken path would mean nothing"
}

# Files a job left on the cluster, removed by the clean-up (the bench leaves remote_cleanup off: it would add a
# remote rm before the .res). Its staged input and its output are the data files its script names with its usid.
remember_remote_files() {  # args: usid slurm-job-id (empty when sbatch never answered)
  local usid="$1" script="$REMOTE_WORK/zoo_BandMath_$1.sh"
  [[ -z "$2" ]] || REMOTE_FILES+=("$REMOTE_WORK/slurm-$2.out")
  REMOTE_FILES+=("$script" "$REMOTE_WORK/zoo-bench-$usid.start" "$REMOTE_WORK/zoo-bench-$usid.end"
    "$REMOTE_WORK/zoo-bench-$usid.curl")
  [[ -f "$script" ]] && mapfile -t -O "${#REMOTE_FILES[@]}" REMOTE_FILES < <(grep -oE "'$REMOTE_DATA/[^'/]*$usid[^'/]*'" "$script" | tr -d "'" | sort -u)
  return 0
}

# One job through one path; appends "path metric ms" lines to $WORK/samples.
bench_run() {  # args: path run
  local path="$1" run="$2" dir="$WORK/runs/$1-$2" watcher relay="" slurm_id end_ns start_ns status
  mkdir -p "$dir"
  cp "$WORK/main-$path.cfg" "$CGI/main.cfg.new" && mv -f "$CGI/main.cfg.new" "$CGI/main.cfg"
  touch "$dir/marker"
  submit "$dir"
  "$PYTHON" "$WORK/watch.py" "$TMP" "$USID" "$DEADLINE" "$dir/watch.env" "$dir/watch.trace" & watcher=$!
  BG_PIDS=("$watcher")
  if [[ "$path" == mail ]]; then relay_mail "$USID" "$dir/marker" "$dir/mail.env" & relay=$!; BG_PIDS+=("$relay"); fi
  wait "$watcher" || fail_run "$dir" "$USID" "no .res within $DEADLINE s"
  [[ -z "$relay" ]] || wait "$relay" || fail_run "$dir" "$USID" "the mail relay: $(value_of "$dir/mail.env" result)"
  BG_PIDS=()

  [[ "$(value_of "$dir/watch.env" result)" == Succeeded ]] || fail_run "$dir" "$USID" "the job ended $(value_of "$dir/watch.env" result)"
  status="$(run_cgi GET "service=WPS&version=2.0.0&request=GetStatus&JobID=$USID" | sed -n 's#.*<wps:Status>\([A-Za-z]*\)</wps:Status>.*#\1#p')"
  [[ "$status" == Succeeded ]] || fail_run "$dir" "$USID" "GetStatus says '$status' after a Succeeded .res"
  slurm_id="$(tr -d '[:space:]' <"$TMP/exec_out_$USID")"
  end_ns="$(cat "$REMOTE_WORK/zoo-bench-$USID.end" 2>/dev/null)" || fail_run "$dir" "$USID" "no job-end stamp: was the footer in the job script?"
  slurm_end "$slurm_id" "$dir/slurm.env"
  {
    echo "usid=$USID"; echo "slurm_id=$slurm_id"; echo "accepted_ns=$ACCEPTED_NS"; echo "end_ns=$end_ns"
    [[ "$path" == footer ]] && { start_ns="$(cat "$REMOTE_WORK/zoo-bench-$USID.start")"; echo "footer_start_ns=$start_ns"
      echo "curl=$(cat "$REMOTE_WORK/zoo-bench-$USID.curl" 2>/dev/null)"; }
    cat "$dir/watch.env" "$dir/slurm.env"
    [[ "$path" == mail ]] && cat "$dir/mail.env"
  } >"$dir/run.env"
  record_samples "$path" "$dir/run.env"
}

# The run's measurements in ms, one "path metric value" line each (the metric names are the report's rows).
record_samples() {  # args: path run.env
  awk -F= -v path="$1" '
    { v[$1] = $2 }
    function ms(a, b) { return (v[a] - v[b]) / 1e6 }
    function out(metric, value) { printf "%s %s %.1f\n", path, metric, value }
    END {
      out("succeeded", ms("res_mtime_ns", "end_ns"))
      out("known", ms("known_ns", "end_ns"))
      out("download", ms("downloaded_ns", "known_ns"))
      out("result", ms("res_mtime_ns", "downloaded_ns"))
      out("total", ms("res_mtime_ns", "accepted_ns"))
      if (v["ctld_done_ns"] != "") out("ctld", ms("ctld_done_ns", "end_ns"))
      if (v["sacct_end_s"] != "") out("sacct", v["sacct_end_s"] - int(v["end_ns"] / 1e9))
      if (path == "footer") {
        out("notice", ms("res_mtime_ns", "footer_start_ns"))
        out("curl", ms("end_ns", "footer_start_ns"))
        if (v["woken_ns"] != "") { out("early", ms("end_ns", "woken_ns")); out("follow", ms("known_ns", "woken_ns")) }
      }
      if (path == "mail") {
        out("notice", ms("res_mtime_ns", "finalize_start_ns"))
        out("mailprog", ms("mail_mtime_ns", "end_ns"))
        out("pickup", ms("mail_found_ns", "mail_mtime_ns"))
        out("finalize", ms("finalize_end_ns", "finalize_start_ns"))
        out("wake", ms("known_ns", "finalize_end_ns"))
        out("attempts", v["finalize_attempts"])
      }
    }' "$2" >>"$WORK/samples"
}

# ------------------------------------------------------------------------------------ report
# What else the machine does: its load average, and Slurm jobs that are not this bench's.
load_line() {  # args: start|end
  local others
  if [[ "$1" == start ]]; then
    others="$(squeue -h 2>/dev/null | wc -l)"
    printf 'load average %s (%s CPUs); Slurm jobs queued or running: %s' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$others"
    return
  fi
  printf '%s\n' "${JOBS[@]}" | grep . >"$WORK/usids" || true
  others="$(sacct -a -X -n -P -S "$BENCH_START" --format=JobName 2>/dev/null | grep -cvF -f "$WORK/usids" || true)"
  printf 'load average %s (%s CPUs); other Slurm jobs during the bench: %s' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$others"
}

stats() {  # args: path metric -> "median p95 min max n" (median of an even count: the mean of the middle two; p95 by nearest rank)
  awk -v p="$1" -v m="$2" '$1 == p && $2 == m { print $3 }' "$WORK/samples" | sort -g | awk '
    function r(x) { x = sprintf("%.0f", x); return x == "-0" ? "0" : x }
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "- - - - 0"; exit }
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      rank = int((NR * 95 + 99) / 100)
      printf "%s %s %s %s %d\n", r(med), r(v[rank]), r(v[1]), r(v[NR]), NR
    }'
}

row() {  # args: path metric label
  local s
  s="$(stats "$1" "$2")"
  # shellcheck disable=SC2086
  printf '  %-62s %8s %8s %8s %8s %5s\n' "$3" $s
}

report() {
  local path under
  printf '\nhpc.BandMath %s on a 16x16 GeoTIFF, %s run(s) per path; ms unless said otherwise\n' "$EXPRESSION" "$RUNS"
  printf 'at start: %s\nat end:   %s\n' "$LOAD_START" "$(load_line end)"
  for path in "${PATHS[@]}"; do
    case "$path" in
      footer) printf '\n[footer] job script footer -> FinalizeHPC.cgi over HTTP (serve.sh on port %s), sacct_poll_interval=600\n' "$PORT"
        printf '         (FinalizeHPC runs inside the job and tells the worker: the cluster watches for the end with scontrol, then sacct)\n' ;;
      mail) printf '\n[mail] END mail -> FinalizeHPC.cgi --mail (maildir polled every %s s as the MTA stand-in), sacct_poll_interval=600\n' "$MAIL_POLL" ;;
      poll) printf '\n[poll] no notice, sacct_poll_interval=%s: expect anywhere from 0 to %s s plus one sacct call\n' "$POLL_INTERVAL" "$POLL_INTERVAL"
        printf '       (the first poll comes %s s after sbatch: a job that short is seen about %s s minus its run time after its end)\n' \
          "$POLL_INTERVAL" "$POLL_INTERVAL" ;;
    esac
    printf '  %-62s %8s %8s %8s %8s %5s\n' "" median p95 min max runs
    row "$path" succeeded "job end -> Succeeded (.res mtime)"
    row "$path" known "job end -> end known to the worker (70 %)"
    row "$path" download "  download: 70 % -> 90 % (output < 2 KB and its SHA-256)"
    row "$path" result "  90 % -> .res (result document, job files)"
    row "$path" total "Execute accepted -> Succeeded"
    row "$path" ctld "cross-check: job end -> slurmctld logs it done"
    row "$path" sacct "cross-check: sacct End - job end second (s, 1 s res.)"
    if [[ "$path" == footer ]]; then
      row footer notice "footer's first line -> Succeeded (FinalizeHPC's call included)"
      row footer curl "FinalizeHPC over HTTP as the footer's curl saw it"
      printf '  %-62s %s\n' "FinalizeHPC's HTTP status (count)" \
        "$(cat "$WORK"/runs/footer-*/run.env 2>/dev/null | sed -n 's/^curl=\([0-9]*\).*/\1/p' | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }')"
      row footer early "worker woken by FinalizeHPC -> job end"
      row footer follow "worker woken -> end known (the watch for the end)"
    fi
    if [[ "$path" == mail ]]; then
      row mail notice "mail handed to FinalizeHPC --mail -> Succeeded"
      row mail mailprog "job end -> mail file written (MailProg delay)"
      row mail pickup "mail file -> found by the MTA stand-in (its polling)"
      row mail finalize "FinalizeHPC.cgi --mail process (start to exit)"
      row mail wake "FinalizeHPC exit -> end known to the worker"
      row mail attempts "FinalizeHPC --mail calls per mail (count)"
    fi
    if [[ "$path" != poll ]]; then
      printf '  target: %s -> Succeeded under 250 ms (median): %s\n' "$([[ $path == footer ]] && echo "footer's first line" || echo "mail hand-over")" \
        "$(stats "$path" notice | awk '{ if ($5 == 0) print "no runs"; else printf "%s (%s ms)", ($1 < 250 ? "met" : "MISSED"), $1 }')"
      under="$(awk -v p="$path" '$1 == p && $2 == "known" { n++; if ($3 < 2000) ok++ } END { printf "%d of %d", ok, n }' "$WORK/samples")"
      printf '  target: job end -> end known under 2 s (download excluded): %s runs\n' "$under"
    fi
  done
  # Both stamps must sit before Slurm's own record of the end: otherwise they do not measure the job's end.
  awk '($2 == "ctld" && $3 < 0) || ($2 == "sacct" && ($3 < 0 || $3 > 1)) { bad++ }
       END { if (bad) printf "\nWARNING: %d job-end stamps disagree with Slurm (slurmctld after the stamp; sacct End the same or next second)\n", bad }' "$WORK/samples"
}

# ------------------------------------------------------------------------------------ main
BENCH_START="$(date +%Y-%m-%dT%H:%M:%S)"
LOAD_START="$(load_line start)"
prepare_copy
start_server
# The footers, the configurations and the Execute name the server's port, known only now.
write_footers "$REMOTE_WORK"
make_configs
write_execute
write_watcher
log "$RUNS run(s) per path (${PATHS[*]}), serve.sh on port $PORT, work dir $WORK"
for ((run = 1; run <= RUNS; run++)); do
  for path in "${PATHS[@]}"; do
    bench_run "$path" "$run"
    log "$path run $run: job end -> Succeeded $(awk -v p="$path" '$1 == p && $2 == "succeeded" { v = $3 } END { print v }' "$WORK/samples") ms"
  done
done
report
