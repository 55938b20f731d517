#!/usr/bin/env bash
# test.sh - build the CGIs and run every test project; the project's one test command.
#
# Usage: bash test.sh [dotnet test options...]      e.g. bash test.sh --filter 'TestCategory!=Cluster'
#
# 1. bash build.sh: the integration tests run the published Native AOT binaries in dist/cgi-bin.
# 2. dotnet test ZooKernel.sln -c Release, with
#      ZOO_DIST=<abs path of dist/cgi-bin>       the published CGIs and cgi-env/
#      ZOO_SCHEMAS=<abs path of ../shared/schemas> OGC schemas + validate.sh (kept if already set)
#    Each test assembly writes a .trx file; their outcomes are summed.
# 3. Prints the failed tests and the skipped count, then as the very last line: `N passed, N failed`.
#
# Exit status: non-zero if the build failed, any test failed, dotnet test failed, or no test ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

log() { printf '[test] %s\n' "$*" >&2; }
die() { printf '[test] ERROR: %s\n' "$*" >&2; exit 1; }

# xmllint for ../shared/schemas/validate.sh; Debian's python3 for the Python sample services (and
# the .trx summary below); GDAL's tools for the HPC input sizing tests; MapServer 8's mapserv, which
# serve.sh serves for the publication tests; xsltproc for the callback's Execute rewrite tests; OTB's
# applications and development files, from which build.sh makes otb-describe (with g++) for the --otb2zcfg
# tests; gcc for the test C services; Apache, which serve.sh --apache serves with in the WebServers tests
# (installed here rather than by serve.sh in the middle of a test); the real clients of tests/clients:
# OWSLib (Debian's python3-owslib, for Debian's python3) and curl.
. "$ROOT/scripts/packages.sh"
ensure_packages xmllint:libxml2-utils /usr/bin/python3:python3 gdalinfo:gdal-bin \
  /usr/lib/cgi-bin/mapserv:cgi-mapserver xsltproc:xsltproc otbcli:otb-bin \
  /usr/include/OTB-8.1/otbWrapperApplication.h:libotb-dev gcc:gcc g++:g++ /usr/sbin/apache2:apache2 \
  /usr/lib/python3/dist-packages/owslib/__init__.py:python3-owslib curl:curl \
  /usr/lib/python3/dist-packages/jsonschema/__init__.py:python3-jsonschema \
  /usr/lib/python3/dist-packages/yaml/__init__.py:python3-yaml || die "cannot install the test tools"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# What the tests read: the published CGIs (after the build below) and the OGC schemas.
export ZOO_DIST="$ROOT/dist/cgi-bin"
ZOO_SCHEMAS="${ZOO_SCHEMAS:-$ROOT/../shared/schemas}"
[[ -f "$ZOO_SCHEMAS/validate.sh" ]] || die "no OGC schemas at $ZOO_SCHEMAS (../shared must sit beside the repository, or set ZOO_SCHEMAS)"
ZOO_SCHEMAS="$(cd "$ZOO_SCHEMAS" && pwd)"
export ZOO_SCHEMAS
log "ZOO_DIST=$ZOO_DIST"
log "ZOO_SCHEMAS=$ZOO_SCHEMAS"

# ------------------------------------------------------------------------------------ build
if ! bash "$ROOT/build.sh"; then
  echo "build failed: no test was run"
  exit 1
fi

# ------------------------------------------------------------------------------------ test
RESULTS="$ROOT/TestResults/test.sh"   # TestResults/ is git-ignored
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
CONSOLE_LOG="$RESULTS/console.log"

# The trx logger without a file name gives every assembly its own, non-clashing file (a fixed
# LogFileName would be overwritten by each assembly of the solution in turn).
rc=0
dotnet test "$ROOT/ZooKernel.sln" -c Release -tl:off --logger trx --results-directory "$RESULTS" "$@" \
  2>&1 | tee "$CONSOLE_LOG" || rc=$?

# ------------------------------------------------------------------------------------ summary
# Outcomes counted from every .trx (one per test assembly). NUnit's Ignore and Inconclusive arrive
# as NotExecuted (Inconclusive is taken too, should an adapter use it): skipped. Anything else that
# did not pass (Failed, Error, Timeout, Aborted, ...) counts as failed. The VSTest console lines
# ("Passed!  - Failed: 0, Passed: 4, Skipped: 0, Total: 4 ...") are summed as a cross-check.
read -r passed failed skipped < <(/usr/bin/python3 - "$RESULTS" "$CONSOLE_LOG" <<'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET

results_dir, console_log = sys.argv[1], sys.argv[2]
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
failed_names = []
files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
for path in files:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"[test] unreadable {path}: {e}", file=sys.stderr)
        failed += 1
        failed_names.append(f"(unreadable results file {os.path.basename(path)})")
        continue
    # testName is only the method (and arguments); the class comes from the test's definition.
    classes = {t.get("id"): m.get("className", "")
               for t in root.iter(ns + "UnitTest") for m in t.iter(ns + "TestMethod")}
    for r in root.iter(ns + "UnitTestResult"):
        outcome = r.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
            msg = r.find(f"{ns}Output/{ns}ErrorInfo/{ns}Message")
            first = (msg.text or "").strip().splitlines()[0] if msg is not None and msg.text else ""
            cls = classes.get(r.get("testId"), "")
            name = f"{cls}.{r.get('testName', '?')}" if cls else r.get("testName", "?")
            failed_names.append(f"{name} [{outcome}]" + (f": {first}" if first else ""))

# Cross-check passed/failed with the console summary lines, which exist even if a .trx went
# missing. (Skipped is not compared: the console leaves NUnit's Inconclusive out of its counts.)
c_passed = c_failed = 0
with open(console_log, errors="replace") as f:
    for line in f:
        m = re.search(r"(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),", line)
        if m:
            c_failed += int(m.group(1)); c_passed += int(m.group(2))
if (c_passed, c_failed) != (passed, failed) and (c_passed, c_failed) != (0, 0):
    print(f"[test] warning: {len(files)} .trx file(s) say {passed} passed, {failed} failed; "
          f"the console says {c_passed} passed, {c_failed} failed; using the larger counts", file=sys.stderr)
    passed, failed = max(passed, c_passed), max(failed, c_failed)
    if failed > len(failed_names):
        failed_names.append("(more failures: see the console output above)")

if failed_names:
    print("Failed tests:", file=sys.stderr)
    for n in failed_names:
        print(f"  {n}", file=sys.stderr)
print(passed, failed, skipped)
PY
) || die "could not read the test results in $RESULTS"

status=0
if ((rc != 0 && failed == 0)); then
  log "dotnet test exited with status $rc without a failed test (build error or crashed test host?): see above"
  status=1
fi
if ((passed + failed + skipped == 0)); then
  log "no test ran"
  status=1
fi
((failed == 0)) || status=1
log "$skipped skipped"
echo "$passed passed, $failed failed"
exit "$status"
