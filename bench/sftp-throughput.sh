#!/usr/bin/env bash
# bench/sftp-throughput.sh - upload throughput to the cluster: the kernel's ClusterConnection.UploadAsync (SSH.NET
# SFTP) against OpenSSH's scp, the same file to the same sshd (the local test cluster of ../shared/infra).
#
# Usage: bash bench/sftp-throughput.sh [RUNS]      (RUNS: uploads per client, default 3; or env RUNS)
#
# Environment:
#   SIZE_MB              size of the uploaded file in MiB (default 200; random bytes, so nothing compresses)
#   RUNS                 uploads per client (default 3)
#   ZOO_SLURM_STATE_DIR  the test cluster's state dir (default /tmp/zoo-slurm; its cluster.env must exist)
#
# Each run uploads the file once with each client, in turn, so that a change of load on the machine hits all alike:
#   scp          OpenSSH's scp (its default cipher); a whole scp run is connect, login, SFTP session and transfer,
#                so its fixed cost is measured with an empty file and "transfer only" is the run minus its median
#   kernel       the kernel's ClusterConnection.UploadAsync (SSH.NET), as a job's inputs are uploaded
#   sshnet       a bare SSH.NET SftpClient with its defaults (what ClusterConnection builds on)
#   sshnet-gcm   the same with aes128-gcm@openssh.com first in the client's cipher preferences
# The three SSH.NET clients are bench/SftpUpload, published here like the CGIs (Native AOT, build/NativeCgi.props)
# into bin/bench; it is not in ZooKernel.sln. Their times are transfer only (connection opened before the clock).
# MB/s are 10^6 bytes per second; the ratios are medians over scp's transfer-only median.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-${RUNS:-3}}"
SIZE_MB="${SIZE_MB:-200}"
STATE="${ZOO_SLURM_STATE_DIR:-/tmp/zoo-slurm}"

die() { printf '[sftp-throughput] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[sftp-throughput] %s\n' "$*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$SIZE_MB" =~ ^[1-9][0-9]*$ ]] || die "SIZE_MB must be a positive integer (got '$SIZE_MB')"
[[ -f "$STATE/cluster.env" ]] || die "no test cluster: $STATE/cluster.env is missing (bash ../shared/infra/start-cluster.sh)"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
# What a Native AOT publish needs, as in build.sh.
. "$ROOT/scripts/packages.sh"
ensure_packages clang:clang objcopy:binutils || die "cannot install the build tools"
command -v scp >/dev/null || die "scp is needed (Debian package openssh-client)"
((BASH_VERSINFO[0] >= 5)) || die "bash 5 or newer is needed (\$EPOCHREALTIME)"
set -a
# shellcheck disable=SC1091
. "$STATE/cluster.env"
set +a
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SSH_OPTIONS=(-i "$ZOO_TEST_SSH_KEY" -o "UserKnownHostsFile=$ZOO_TEST_SSH_KNOWN_HOSTS" -o BatchMode=yes)
TARGET="$ZOO_TEST_SSH_USER@$ZOO_TEST_SSH_HOST"
REMOTE_DIR="$ZOO_TEST_REMOTE_HOME/sftp-bench-$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-sftp-throughput.XXXXXX")"
cleanup() {
  ssh -p "$ZOO_TEST_SSH_PORT" "${SSH_OPTIONS[@]}" "$TARGET" rm -rf -- "$REMOTE_DIR" || log "could not remove $REMOTE_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------ build
# bin/bench holds the program's and its references' build output, away from the ones build.sh and test.sh use.
log "publishing bench/SftpUpload (Native AOT)"
BUILD_LOG="$WORK/build.log"
dotnet publish "$ROOT/bench/SftpUpload" -c Release -r linux-x64 --nologo -tl:off --artifacts-path "$ROOT/bin/bench" \
  >"$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG" >&2; die "bench/SftpUpload does not build"; }
PROGRAM="$ROOT/bin/bench/publish/SftpUpload/release_linux-x64/SftpUpload"
[[ -x "$PROGRAM" ]] || die "$PROGRAM is missing after the build"

# ------------------------------------------------------------------------------------ runs
head -c "$((SIZE_MB * 1048576))" /dev/urandom >"$WORK/upload.bin"
touch "$WORK/empty"
ssh -p "$ZOO_TEST_SSH_PORT" "${SSH_OPTIONS[@]}" "$TARGET" mkdir -p -- "$REMOTE_DIR"

scp_seconds() {  # args: local file; prints the wall time of one scp of it
  local start end
  start=$EPOCHREALTIME
  scp -q -P "$ZOO_TEST_SSH_PORT" "${SSH_OPTIONS[@]}" "$1" "$TARGET:$REMOTE_DIR/scp-$(basename "$1")"
  end=$EPOCHREALTIME
  awk -v a="${start/./}" -v b="${end/./}" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'
}

MODES=(kernel sshnet sshnet-gcm)
for ((i = 1; i <= RUNS; i++)); do
  log "run $i of $RUNS: scp, scp of an empty file, ${MODES[*]}"
  scp_seconds "$WORK/upload.bin" >>"$WORK/scp"
  scp_seconds "$WORK/empty" >>"$WORK/scp-empty"
  for mode in "${MODES[@]}"; do "$PROGRAM" "$mode" "$WORK/upload.bin" "$REMOTE_DIR" >>"$WORK/$mode"; done
done

# ------------------------------------------------------------------------------------ report
SCP_CIPHER="$(ssh -v -p "$ZOO_TEST_SSH_PORT" "${SSH_OPTIONS[@]}" "$TARGET" true 2>&1 \
  | sed -n 's/.*kex: client->server cipher: \([^ ]*\).*/\1/p' | head -1)"
awk -v bytes="$(stat -c %s "$WORK/upload.bin")" -v size="$SIZE_MB" -v scp_cipher="${SCP_CIPHER:-unknown}" '
  function median(a, n,    i, j, t, s) {
    for (i = 1; i <= n; i++) s[i] = a[i]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
    return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
  }
  function row(label, a, n, overhead,    i, list) {
    for (i = 1; i <= n; i++) list = list sprintf("%s%4.0f", i > 1 ? " " : "", bytes / (a[i] - overhead) / 1e6)
    printf "%-52s %s   median %4.0f MB/s\n", label, list, bytes / (median(a, n) - overhead) / 1e6
    return bytes / (median(a, n) - overhead) / 1e6
  }
  { mode = FILENAME; sub(/.*\//, "", mode) }
  mode == "scp-empty" { empty[++n[mode]] = $1; next }
  mode == "scp" { scp[++n[mode]] = $1; next }
  $1 == "connect" { connects[mode, ++c[mode]] = $2; next }
  $1 == "cipher" { cipher[mode] = $2; next }
  $1 == "upload" { up[mode, ++n[mode]] = $2 }
  END {
    fixed = median(empty, n["scp-empty"])
    printf "%-52s %s\n", "file", size " MiB (" bytes " bytes), to 127.0.0.1, runs in turn"
    reference = row("scp (" scp_cipher "), transfer only", scp, n["scp"], fixed)
    row("scp, whole run", scp, n["scp"], 0)
    printf "%-52s %.3f s (median, an empty file)\n", "  its fixed cost", fixed
    split("kernel sshnet sshnet-gcm", modes, " ")
    label["kernel"] = "kernel ClusterConnection.UploadAsync"
    label["sshnet"] = "SSH.NET SftpClient defaults (" cipher["sshnet"] ")"
    label["sshnet-gcm"] = "SSH.NET SftpClient (" cipher["sshnet-gcm"] " first)"
    for (m = 1; m <= 3; m++) {
      for (i = 1; i <= n[modes[m]]; i++) { t[i] = up[modes[m], i]; k[i] = connects[modes[m], i] }
      rate[modes[m]] = row(label[modes[m]], t, n[modes[m]], 0)
      printf "%-52s %.3f s (median)\n", "  its connection", median(k, n[modes[m]])
    }
    printf "%-52s %.0f %%\n", "ratio kernel / scp (transfer only)", 100 * rate["kernel"] / reference
    printf "%-52s %.0f %%\n", "ratio SSH.NET with " cipher["sshnet-gcm"] " / scp", 100 * rate["sshnet-gcm"] / reference
  }' "$WORK/scp-empty" "$WORK/scp" "$WORK/kernel" "$WORK/sshnet" "$WORK/sshnet-gcm"
