#!/usr/bin/env bash
# scripts/install-into.sh - put the built CGIs into an existing ZOO-Kernel install, or take them out again.
#
# Usage: bash scripts/install-into.sh DIST TARGET      (what `bash build.sh --install-into TARGET` runs)
#        bash scripts/install-into.sh --rollback TARGET
#
# TARGET is the operator's ZOO cgi-bin (the directory holding main.cfg and zoo_loader.cgi). Installing:
#   - zoo_loader.cgi and FinalizeHPC.cgi are copied in (each swapped in whole, never half-written); an existing
#     one is kept as zoo_loader.cgi.orig (FinalizeHPC.cgi.orig), unless such a .orig is already there (then that
#     older copy is left as it is);
#   - main.cfg, oas.cfg and every service are left as they are; the built-in services' .zcfg files
#     (FinalizeHPC, FinalizeHPC1, DeleteData, DeployOnHpc) are added only where absent;
#   - what was added is listed in TARGET/.zookernel-install, which --rollback reads;
#   - the install is checked with `zoo_loader.cgi --check-config TARGET/main.cfg --offline`.
# Rolling back puts zoo_loader.cgi.orig back and removes exactly what the install added.
# Exit: 0 installed (or rolled back) and checked, 1 refused or the check found errors, 2 usage.
set -euo pipefail

log() { printf '[install] %s\n' "$*" >&2; }
die() { printf '[install] ERROR: %s\n' "$*" >&2; exit "${2:-1}"; }

BUILT_IN_SERVICES=(FinalizeHPC.zcfg FinalizeHPC1.zcfg DeleteData.zcfg DeployOnHpc.zcfg)
CGIS=(zoo_loader.cgi FinalizeHPC.cgi)
MANIFEST=.zookernel-install

rollback() {  # args: target
  local target="$1" line
  [[ -f "$target/$MANIFEST" ]] || die "$target/$MANIFEST is missing: nothing was installed there by this script"
  while IFS= read -r line; do
    case "$line" in
      added\ *) rm -f -- "$target/${line#added }" ;;
      kept\ *) mv -f -- "$target/${line#kept }.orig" "$target/${line#kept }" ;;
      replaced\ *) log "$target/${line#replaced } had an older .orig, which was kept: the replaced copy is not restored" ;;
      *) die "$target/$MANIFEST: unknown line: $line" ;;
    esac
  done <"$target/$MANIFEST"
  rm -f -- "$target/$MANIFEST"
  log "rolled back: $target is as it was before the install"
}

install_into() {  # args: dist target
  local dist="$1" target="$2" cgi svc manifest
  [[ -f "$target/main.cfg" ]] || die "$target has no main.cfg: not a ZOO cgi-bin"
  [[ -e "$target/$MANIFEST" ]] && die "$target was already installed into ($target/$MANIFEST): roll back first (--rollback)"
  for cgi in "${CGIS[@]}"; do [[ -x "$dist/$cgi" ]] || die "$dist/$cgi is missing: build first"; done
  manifest="$(mktemp "$target/.zookernel-install.XXXXXX")"
  for cgi in "${CGIS[@]}"; do
    if [[ -e "$target/$cgi" ]]; then
      if [[ ! -e "$target/$cgi.orig" ]]; then
        cp -a -- "$target/$cgi" "$target/$cgi.orig"
        log "kept the old $cgi as $cgi.orig"
        echo "kept $cgi" >>"$manifest"
      else
        echo "replaced $cgi" >>"$manifest"
      fi
    else
      echo "added $cgi" >>"$manifest"
    fi
    # Copied beside the old one and renamed over it: a request never runs a half-written binary.
    install -m 0755 "$dist/$cgi" "$target/.$cgi.new"
    mv -f -- "$target/.$cgi.new" "$target/$cgi"
  done
  for svc in "${BUILT_IN_SERVICES[@]}"; do
    if [[ ! -e "$target/$svc" && -f "$dist/$svc" ]]; then
      install -m 0644 "$dist/$svc" "$target/$svc"
      echo "added $svc" >>"$manifest"
    fi
  done
  mv -f -- "$manifest" "$target/$MANIFEST"
  log "installed into $target"
  log "to roll back: bash $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/install-into.sh --rollback $target"
  log "checking the install (zoo_loader.cgi --check-config --offline)"
  (cd "$target" && ./zoo_loader.cgi --check-config "$target/main.cfg" --offline) \
    || die "the check found problems (above): fix them, or roll back"
}

case "${1:-}" in
  --rollback) [[ $# -eq 2 ]] || die "usage: install-into.sh --rollback TARGET" 2; rollback "${2%/}" ;;
  "" | -*) die "usage: install-into.sh DIST TARGET | --rollback TARGET" 2 ;;
  *) [[ $# -eq 2 ]] || die "usage: install-into.sh DIST TARGET" 2; install_into "${1%/}" "${2%/}" ;;
esac
