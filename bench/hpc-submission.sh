#!/usr/bin/env bash
# bench/hpc-submission.sh - how long the kernel takes to submit an HPC job once the asynchronous Execute
# is accepted: from the CGI's answer to sbatch having returned (the worker writes exec_out_<usid>), on
# the local test cluster of ../shared/infra, with a tiny input so that data size plays no part.
#
# Usage: bash bench/hpc-submission.sh [N]          (N: measured runs, default 10; or env RUNS)
#
# Environment:
#   ZOO_DIST             directory holding zoo_loader.cgi and main.cfg (default: dist/cgi-bin; bash build.sh)
#   ZOO_SLURM_STATE_DIR  the test cluster's state dir (default /tmp/zoo-slurm; its cluster.env must exist)
#   RUNS                 measured runs (default 10); one warm-up run comes first and is shown apart
#   DEADLINE             seconds a run may take to submit (default 60)
#   BENCH_KEEP=1         keep the temporary copy (job files) for a look
#
# Each run POSTs a WPS 2.0.0 async Execute of hpc.BandMath (a 16x16 GeoTIFF by file:// reference) to a
# copy of dist, the way a web server runs the CGI, then polls (1 ms) for the milestones the job leaves:
#   worker    <id>.pid in tmpPath: the detached worker runs
#   chosen    zoo_BandMath_<id>.sh in tmpPath: inputs sized, SSH connected, input uploaded, script written here
#   uploaded  zoo_BandMath_<id>.sh in remote_work_path: the script on the cluster (the command that writes it
#             then runs sbatch on it)
#   submitted exec_out_<id> in tmpPath: sbatch returned the Slurm job id
# Times are from the CGI's exit (accepted); "accept" is the CGI's own wall time. A milestone missed by
# the polling (a file that came and went within a poll) is shown as "-". After each run the Slurm job
# is cancelled, the WPS job dismissed and the queue left empty, so runs do not overlap.
# The "ssh true" row is OpenSSH's connect + login + command to the same sshd, for comparison.
# Exits non-zero when a run does not submit within DEADLINE.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-${RUNS:-10}}"
DEADLINE="${DEADLINE:-60}"
STATE="${ZOO_SLURM_STATE_DIR:-/tmp/zoo-slurm}"

die() { printf '[hpc-submission] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[hpc-submission] %s\n' "$*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer (got '$RUNS')"
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
[[ -f "$DIST/hpc/BandMath.zcfg" ]] || die "$DIST/hpc/BandMath.zcfg is missing (the service this bench submits)"
[[ -f "$STATE/cluster.env" ]] || die "no test cluster: $STATE/cluster.env is missing (bash ../shared/infra/start-cluster.sh)"
command -v gdal_create >/dev/null || die "gdal_create is needed (Debian package gdal-bin)"
PYTHON="$(command -v python3)" || die "python3 is needed"
# shellcheck disable=SC1091
. "$STATE/cluster.env"

# A short directory: the job's wait socket goes in <tmpPath>/.wait_sockets, and a unix socket path has at most 107 bytes.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/zhs.XXXXXX")"
DIR="$WORK/dist"
cleanup() {
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------ the copy
. "$ROOT/scripts/ini.sh"
mkdir -p "$DIR" "$WORK/data"
cp -a "$DIST/." "$DIR/"
mkdir -p "$DIR/tmp"
ini_set "$DIR/main.cfg" main tmpPath "$DIR/tmp"
ini_set "$DIR/main.cfg" main cacheDir "$DIR/tmp"
ini_set "$DIR/main.cfg" main allowedPaths "$WORK/data"
socket="$DIR/tmp/.wait_sockets/.wait_socket_00000000-0000-0000-0000-000000000000.sock"
((${#socket} <= 107)) || die "the wait socket path would be ${#socket} bytes (max 107): set TMPDIR to a shorter directory"
REMOTE_WORK="$(ini_get "$DIR/main.cfg" hpc-config-preview remote_work_path)"
[[ -n "$REMOTE_WORK" ]] || die "no remote_work_path in [hpc-config-preview] of $DIST/main.cfg"

gdal_create -q -of GTiff -outsize 16 16 -bands 1 -ot Byte -burn 7 -a_srs EPSG:4326 -a_ullr 0 16 16 0 "$WORK/data/input.tif"
cat >"$WORK/execute.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<wps:Execute service="WPS" version="2.0.0" response="document" mode="async" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:xlink="http://www.w3.org/1999/xlink">
  <ows:Identifier>hpc.BandMath</ows:Identifier>
  <wps:Input id="il"><wps:Reference xlink:href="file://$WORK/data/input.tif" mimeType="image/tiff"/></wps:Input>
  <wps:Input id="exp"><wps:Data>im1b1*2</wps:Data></wps:Input>
  <wps:Output id="out" transmission="reference"/>
</wps:Execute>
EOF

# ------------------------------------------------------------------------------------ runs
"$PYTHON" - "$DIR" "$WORK/execute.xml" "$REMOTE_WORK" "$RUNS" "$DEADLINE" <<'EOF'
import os, re, subprocess, sys, time

directory, request_file, remote_work, runs, deadline = sys.argv[1:6]
runs, deadline = int(runs), float(deadline)
tmp = os.path.join(directory, "tmp")
body = open(request_file, "rb").read()
ssh_target = ["-p", os.environ["ZOO_TEST_SSH_PORT"], "-i", os.environ["ZOO_TEST_SSH_KEY"],
              "-o", "UserKnownHostsFile=" + os.environ["ZOO_TEST_SSH_KNOWN_HOSTS"], "-o", "BatchMode=yes",
              "%s@%s" % (os.environ["ZOO_TEST_SSH_USER"], os.environ["ZOO_TEST_SSH_HOST"])]
MILESTONES = ["worker", "chosen", "uploaded", "submitted"]

def cgi(method, query, data=b""):
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "GATEWAY_INTERFACE": "CGI/1.1", "REQUEST_METHOD": method,
           "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8080", "REMOTE_ADDR": "127.0.0.1"}
    if data:
        env.update(CONTENT_TYPE="text/xml", CONTENT_LENGTH=str(len(data)))
    return subprocess.run(["./zoo_loader.cgi"], cwd=directory, env=env, input=data, capture_output=True).stdout.decode()

def slurm(*command):
    return subprocess.run(list(command), capture_output=True, text=True).stdout

def run_once():
    start = time.perf_counter()
    answer = cgi("POST", "", body)
    accepted = time.perf_counter()
    match = re.search(r"<wps:JobID>([0-9a-f-]+)</wps:JobID>", answer)
    if not match:
        sys.exit("[hpc-submission] ERROR: the Execute was not accepted:\n" + answer[:2000])
    usid = match.group(1)
    files = {"worker": os.path.join(tmp, usid + ".pid"),
             "chosen": os.path.join(tmp, "zoo_BandMath_%s.sh" % usid),
             "uploaded": os.path.join(remote_work, "zoo_BandMath_%s.sh" % usid),
             "submitted": os.path.join(tmp, "exec_out_" + usid)}
    seen = {}
    ending = os.path.join(tmp, usid + ".res")
    while "submitted" not in seen:
        now = time.perf_counter()
        for name, path in files.items():
            if name not in seen and os.path.exists(path):
                seen[name] = now
        if "submitted" in seen:
            break
        if os.path.exists(ending) and not os.path.exists(files["submitted"]):
            sys.exit("[hpc-submission] ERROR: job %s ended without submitting:\n%s" % (usid, open(ending).read()))
        if now - accepted > deadline:
            sys.exit("[hpc-submission] ERROR: job %s did not submit within %g s" % (usid, deadline))
        time.sleep(0.001)
    name = "ZOO-Project_%s_BandMath" % usid
    slurm("scancel", "--quiet", "--name", name)
    cgi("GET", "service=WPS&version=2.0.0&request=Dismiss&JobID=" + usid)
    while slurm("squeue", "--noheader", "--name", name).strip():
        time.sleep(0.05)
    row = {"accept": (accepted - start) * 1000}
    row.update({m: (seen[m] - accepted) * 1000 if m in seen else None for m in MILESTONES})
    return row

def ssh_true():
    start = time.perf_counter()
    subprocess.run(["ssh"] + ssh_target + ["true"], check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000

def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2

def stats(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return "-"
    p95 = values[-(-len(values) * 95 // 100) - 1]  # nearest rank
    return "%7.0f %7.0f %7.0f %7.0f   (%d)" % (median(values), p95, values[0], values[-1], len(values))

fmt = lambda v: "-" if v is None else "%.0f" % v
warm = run_once()
print("warm-up run (ms): " + ", ".join("%s %s" % (k, fmt(v)) for k, v in warm.items()))
rows = [run_once() for _ in range(runs)]
print()
print("%-38s %7s %7s %7s %7s   (n)" % ("ms after the CGI accepted the job", "median", "p95", "min", "max"))
print("%-38s %s" % ("accept (the CGI's own wall time)", stats(r["accept"] for r in rows)))
labels = {"worker": "worker started (.pid)", "chosen": "configuration chosen (local script)",
          "uploaded": "input + script uploaded (remote)", "submitted": "sbatch returned (exec_out)"}
for m in MILESTONES:
    print("%-38s %s" % (labels[m], stats(r[m] for r in rows)))
print("%-38s %s" % ("for comparison: OpenSSH `ssh ... true`", stats(ssh_true() for _ in range(5))))
submitted = median(r["submitted"] for r in rows)
print()
print("target: median submission under 150 ms (an idle machine): %s (%.0f ms)" % ("met" if submitted < 150 else "MISSED", submitted))
EOF
