# scripts/packages.sh - sourced by build.sh, test.sh, serve.sh, bench/ and .ci/run: installs the
# Debian packages a script needs, only when something is missing.
#
# ensure_packages CHECK:PACKAGE ...
#   CHECK is a command name (found on PATH or in /usr/sbin) or an absolute path to a file the package
#   installs (an executable, or a header for a -dev package).
#   apt-get update runs once, and only when something has to be installed. Installing a daemon's
#   package (nginx, fcgiwrap, ...) must not start the system service: service starts are denied
#   for the duration of the install, unless the machine already has a policy of its own.

ensure_packages() {
  local missing=() pair check
  for pair in "$@"; do
    check="${pair%%:*}"
    if [[ "$check" == /* ]]; then
      [[ -e "$check" ]] && continue
    else
      command -v "$check" >/dev/null 2>&1 && continue
      [[ -x "/usr/sbin/$check" ]] && continue
    fi
    missing+=("${pair#*:}")
  done
  ((${#missing[@]})) || return 0
  if [[ $EUID -ne 0 ]]; then
    printf 'missing packages: %s (run as root or: sudo apt-get install %s)\n' "${missing[*]}" "${missing[*]}" >&2
    return 1
  fi
  printf '[packages] installing %s\n' "${missing[*]}" >&2
  local added_policy=0 rc=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d && added_policy=1
  fi
  { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null; } || rc=$?
  ((added_policy)) && rm -f /usr/sbin/policy-rc.d
  if ((rc != 0)); then
    printf 'apt-get failed (exit %s) installing %s\n' "$rc" "${missing[*]}" >&2
    return 1
  fi
}
