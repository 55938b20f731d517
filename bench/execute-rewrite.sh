#!/usr/bin/env bash
# bench/execute-rewrite.sh - the callback service's step-1 rewrite of a job's Execute request with
# cgi-env/updateExecute.xsl, timed two ways from a Native AOT program (bench/ExecuteRewrite, published like the CGIs):
#   xsltproc   the kernel's ExecuteRewriter: one xsltproc process per transform (what the kernel does)
#   libxslt    the same library called in-process through P/Invoke: stylesheet and document parsed, applied,
#              serialised and freed per transform (what the kernel would do instead)
# on two WPS 2.0.0 Execute requests: a small one (a GML polygon, a literal, a reference) and one carrying about 1 MB of
# inline GML (an input given by value is what gets published and rewritten). The two ways run in turn, so that a
# change of load on the machine hits both alike, and must give the same document.
#
# Usage: bash bench/execute-rewrite.sh [RUNS]      (RUNS: transforms per way and request, default 200; or env RUNS)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-${RUNS:-200}}"

die() { printf '[execute-rewrite] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[execute-rewrite] %s\n' "$*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
. "$ROOT/scripts/packages.sh"
ensure_packages clang:clang objcopy:binutils xsltproc:xsltproc || die "cannot install the build tools and xsltproc"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-execute-rewrite.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

log "publishing bench/ExecuteRewrite (Native AOT)"
dotnet publish "$ROOT/bench/ExecuteRewrite" -c Release -r linux-x64 --nologo -tl:off --artifacts-path "$ROOT/bin/bench" \
  >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "bench/ExecuteRewrite does not build"; }
PROGRAM="$ROOT/bin/bench/publish/ExecuteRewrite/release_linux-x64/ExecuteRewrite"
[[ -x "$PROGRAM" ]] || die "$PROGRAM is missing after the build"

request() {  # args: number of GML polygons inline -> a WPS 2.0.0 Execute on stdout
  printf '<?xml version="1.0" encoding="UTF-8"?>\n'
  printf '<wps:Execute xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" service="WPS" version="2.0.0" response="document" mode="async">\n'
  printf '  <ows:Identifier>Clip</ows:Identifier>\n  <wps:Input id="Shape">\n    <wps:Data mimeType="text/xml">\n'
  printf '      <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml">'
  for ((i = 0; i < $1; i++)); do
    printf '<gml:featureMember><gml:Polygon srsName="EPSG:4326"><gml:exterior><gml:LinearRing><gml:posList>%s</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:featureMember>' \
      "43.6$i 3.8$i 43.7$i 3.8$i 43.7$i 3.9$i 43.6$i 3.9$i 43.6$i 3.8$i 43.6$i 3.8$i 43.7$i 3.8$i 43.7$i 3.9$i 43.6$i 3.9$i 43.6$i 3.8$i"
  done
  printf '</wfs:FeatureCollection>\n    </wps:Data>\n  </wps:Input>\n'
  printf '  <wps:Input id="Distance">\n    <wps:Data>\n      <wps:LiteralValue uom="meters">2.5</wps:LiteralValue>\n    </wps:Data>\n  </wps:Input>\n'
  printf '  <wps:Input id="Raster">\n    <wps:Reference xlink:href="http://data.example/dem.tif" mimeType="image/tiff"/>\n  </wps:Input>\n'
  printf '  <wps:Output id="Result" transmission="reference"/>\n</wps:Execute>\n'
}
request 1 >"$WORK/small.xml"
request 3000 >"$WORK/large.xml"

STYLESHEET="$ROOT/cgi-env/updateExecute.xsl"
for doc in small large; do
  log "$doc request ($(stat -c %s "$WORK/$doc.xml") bytes): $RUNS transforms each way, in turn (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  "$PROGRAM" "$STYLESHEET" "$WORK/$doc.xml" "$RUNS" >"$WORK/$doc" || die "the two ways do not give the same document"
done

printf 'machine: %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
for doc in small large; do
  for way in xsltproc libxslt; do
    awk -v way="$way" '$1 == way { print $2 }' "$WORK/$doc" | sort -n | awk -v label="$doc request ($(stat -c %s "$WORK/$doc.xml") bytes), $way" '
      { t[NR] = $1 }
      END { printf "%-42s median %7.2f ms   p90 %7.2f ms   min %7.2f ms   (%d transforms, the first included)\n",
            label, NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, t[int(NR * 0.9 + 0.5)], t[1], NR }'
  done
done
