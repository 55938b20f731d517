# scripts/ini.sh - sourced by serve.sh and bench/: reads and sets values of an ini file (ZOO's main.cfg).
#
# ini_get FILE SECTION KEY   prints the value of KEY in [SECTION]: the first `=` splits, spaces are
#                            trimmed, `#`/`;` lines are comments. Prints nothing when it is absent.
# ini_set FILE SECTION KEY VALUE
#                            sets KEY=VALUE in [SECTION] in place: replaces the key's first line, or
#                            adds it at the end of the section, or adds the section at the end.
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

ini_set() {
  awk -v sec="$2" -v key="$3" -v val="$4" '
    function flush() { if (insec && !done) { print key "=" val; done = 1 } }
    /^[[:space:]]*\[/ { flush(); s = $0; gsub(/^[[:space:]]*\[[[:space:]]*|[[:space:]]*\].*$/, "", s); insec = (s == sec); seen = seen || insec }
    insec && !/^[[:space:]]*[#;]/ && index($0, "=") {
      k = substr($0, 1, index($0, "=") - 1); gsub(/^[[:space:]]+|[[:space:]]+$/, "", k)
      if (k == key) { if (!done) print key "=" val; done = 1; next }
    }
    { print }
    END { flush(); if (!seen) { print "[" sec "]"; print key "=" val } }' "$1" >"$1.new"
  mv -f "$1.new" "$1"
}
