#!/usr/bin/env bash
# capture.sh - re-capture the sacct rows and Slurm mails in sacct/ and mail/ from the test cluster
# (../../../../shared/infra). Run as root beside this file: bash capture.sh
# Jobs are submitted locally as the cluster's job user (hpcuser), named as the product names them
# (ZOO-Project_<uuid>_BandMath), with the fields of cgi-env/main.cfg's remote_command_opt plus WorkDir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. "${ZOO_SLURM_STATE_DIR:-/tmp/zoo-slurm}/cluster.env"
FIELDS=JobID,JobName,User,Account,Partition,NCPUS,NodeList,Submit,Start,End,Elapsed,State,ExitCode,WorkDir
USER_=$ZOO_TEST_SSH_USER
WORK=$ZOO_TEST_REMOTE_HOME/zoo-capture
mkdir -p sacct mail
runuser -u "$USER_" -- mkdir -p "$WORK"

as_user() { runuser -u "$USER_" -- env SLURM_CONF="$SLURM_CONF" "$@"; }
name() { echo "ZOO-Project_$(cat /proc/sys/kernel/random/uuid)_BandMath"; }
submit() {  # args: job name, sbatch options..., wrapped command last
  as_user sbatch --parsable --partition="$ZOO_TEST_SLURM_PARTITION" --chdir="$WORK" --job-name="$@" | cut -d';' -f1
}
row() { as_user sacct -j "$1" -X -n -P --format="$FIELDS"; }
state() { row "$1" | cut -d'|' -f12 | cut -d' ' -f1; }
wait_state() {  # args: id, state...; polls up to 200 s
  local id=$1 s i; shift
  for ((i = 0; i < 400; i++)); do
    s=$(state "$id")
    for want in "$@"; do [[ $s == "$want" ]] && return 0; done
    sleep 0.5
  done
  echo "job $id: still $s, wanted $*" >&2; return 1
}
save_row() { row "$1" >"sacct/$2.txt"; echo "sacct/$2.txt: $(cat "sacct/$2.txt")"; }
# Right after a job ends, slurmdbd may hold a placeholder row (JobName "allocation", no Partition,
# no WorkDir) until the job's start record arrives: keep that row too when there was one, then wait
# for the full one.
save_rows() {  # args: id, file name
  local id=$1 i
  row "$id" >"sacct/$2-just-ended.txt"
  for ((i = 0; i < 60; i++)); do row "$id" | grep -q '|ZOO-Project_' && break; sleep 0.5; done
  save_row "$id" "$2"
  if cmp -s "sacct/$2-just-ended.txt" "sacct/$2.txt"; then rm "sacct/$2-just-ended.txt"
  else echo "sacct/$2-just-ended.txt: $(cat "sacct/$2-just-ended.txt")"; fi
}
subject() {  # the decoded Subject of a mail file (the MailProg writes base64 RFC 2047 words only)
  local value; value=$(sed -n 's/^Subject: //p' "$1" | head -1)
  if [[ $value =~ ^=\?UTF-8\?B\?([^?]*)\?=$ ]]; then base64 -d <<<"${BASH_REMATCH[1]}"; else printf '%s' "$value"; fi
}
save_mail() {  # args: id, file name, event; the mail may have been moved out of new/ by a reader
  local id=$1 file i
  for ((i = 0; i < 40; i++)); do
    while IFS= read -r file; do
      if [[ $(subject "$file") =~ ^Slurm\ Job_id=$id\ .*\ $3, ]]; then
        cp "$file" "mail/$2.eml"; echo "mail/$2.eml: $(subject "mail/$2.eml")"; return 0
      fi
    done < <(grep -rlE '^Subject: (Slurm Job_id=|=\?UTF-8\?B\?)' "$ZOO_TEST_MAILDIR" 2>/dev/null)
    sleep 0.5
  done
  echo "job $id: no '$3' mail" >&2; return 1
}

completed=$(submit "$(name)" --mail-type=END,FAIL --wrap='echo done')
failed=$(submit "$(name)" --mail-type=END,FAIL --wrap='echo failing >&2; exit 3')
running=$(submit "$(name)" --mail-type=BEGIN,END,FAIL --wrap='sleep 300')
pending=$(submit "$(name)" --mail-type=END,FAIL --begin=now+3600 --wrap='echo never')
timeout=$(submit "$(name)" --mail-type=END,FAIL --time=00:01:00 --wrap='sleep 120')
odd=$(submit "ZOO-Project_$(cat /proc/sys/kernel/random/uuid)_Band Math, Ended=1" --mail-type=END,FAIL --wrap='echo done')
utf8=$(submit "ZOO-Project_$(cat /proc/sys/kernel/random/uuid)_BandMathé" --mail-type=END,FAIL --wrap='echo done')

wait_state "$completed" COMPLETED && save_rows "$completed" completed && save_mail "$completed" completed-end Ended
wait_state "$failed" FAILED && save_rows "$failed" failed && save_mail "$failed" failed-fail Failed
# Without -X sacct also lists each job's steps (<id>.batch).
as_user sacct -j "$completed,$failed" -n -P --format="$FIELDS" >sacct/two-jobs-with-steps.txt
wait_state "$pending" PENDING && save_row "$pending" pending
wait_state "$running" RUNNING && save_row "$running" running && save_mail "$running" running-began Began
as_user scancel "$running"
wait_state "$running" CANCELLED && save_row "$running" cancelled && save_mail "$running" cancelled-end Ended
as_user scancel "$pending"
wait_state "$pending" CANCELLED && save_row "$pending" cancelled-pending && save_mail "$pending" cancelled-pending-end Ended
wait_state "$odd" COMPLETED && save_mail "$odd" odd-name-end Ended
# The MailProg encodes a non-ASCII subject (RFC 2047), as an MTA would.
wait_state "$utf8" COMPLETED && save_mail "$utf8" utf8-name-end Ended
wait_state "$timeout" TIMEOUT && save_row "$timeout" timeout && save_mail "$timeout" timeout-failed Failed
