# scripts/ini.sh - sourced by serve.sh and bench/: reads a value from an ini file (ZOO's main.cfg).
#
# ini_get FILE SECTION KEY   prints the value of KEY in [SECTION]: the first `=` splits, spaces are
#                            trimmed, `#`/`;` lines are comments. Prints nothing when it is absent.
ini_get() {
  awk -v sec="$2" -v key="$3" '
    /^[[:space:]]*[#;]/ { next }
    /^[[:space:]]*\[/ { s = $0; gsub(/^[[:space:]]*\[[[:space:]]*|[[:space:]]*\].*$/, "", s); insec = (s == sec); next }
    insec && index($0, "=") {
      k = substr($0, 1, index($0, "=") - 1); v = substr($0, index($0, "=") + 1)
      gsub(/^[[:space:]]+|[[:space:]]+$/, "", k); gsub(/^[[:space:]]+|[[:space:]]+$/, "", v)
      if (k == key) { print v; exit }
    }' "$1"
}
