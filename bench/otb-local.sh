#!/usr/bin/env bash
# bench/otb-local.sh - a synchronous Execute of otb.BandMath (serviceType=OTB, run here) through
# zoo_loader.cgi, against otbcli_BandMath alone on the same small raster: what the kernel adds
# (its start-up, parsing the request, decoding the inline image, writing the response) to the application.
#
# Usage: bash bench/otb-local.sh [RUNS]     (default 20; needs bash build.sh first)
# Environment: ZOO_DIST (default dist/cgi-bin), SIZE (raster side in pixels, default 256)
#
# Both commands run through sh -c, so the shell's cost is on both sides of the ratio. The Execute's
# answer is checked once before timing: an ExceptionReport fails the script, never passes for a fast run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-20}"
SIZE="${SIZE:-256}"

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/hyperfine:hyperfine || die "cannot install hyperfine"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-otb-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -r "$DIST" "$WORK/cgi"
mkdir -p "$WORK/tmp"
sed -i -e "s|^tmpPath=.*|tmpPath=$WORK/tmp|" -e "s|^cacheDir=.*|cacheDir=$WORK/tmp|" "$WORK/cgi/main.cfg"

gdal_create -of GTiff -outsize "$SIZE" "$SIZE" -bands 1 -ot Byte -burn 7 -a_srs EPSG:4326 \
  -a_ullr 0 "$SIZE" "$SIZE" 0 "$WORK/in.tif" >/dev/null
cat > "$WORK/execute.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<wps:Execute service="WPS" version="2.0.0" response="document" mode="sync" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0">
  <ows:Identifier>otb.BandMath</ows:Identifier>
  <wps:Input id="il"><wps:Data mimeType="image/tiff" encoding="base64">$(base64 -w0 "$WORK/in.tif")</wps:Data></wps:Input>
  <wps:Input id="exp"><wps:Data>im1b1 * 3 + 1</wps:Data></wps:Input>
  <wps:Output id="out" transmission="reference"/>
</wps:Execute>
XML
LENGTH="$(stat -c %s "$WORK/execute.xml")"
export ITK_AUTOLOAD_PATH=/usr/lib/x86_64-linux-gnu/otb/applications
KERNEL="cd $WORK/cgi && REQUEST_METHOD=POST CONTENT_TYPE=text/xml CONTENT_LENGTH=$LENGTH exec ./zoo_loader.cgi < $WORK/execute.xml"
ALONE="exec otbcli_BandMath -il $WORK/in.tif -exp 'im1b1 * 3 + 1' -out $WORK/alone.tif float"

answer="$(sh -c "$KERNEL")"
grep -q ExceptionReport <<<"$answer" && die "the Execute failed: $answer"
grep -q output_BandMath_out_ <<<"$answer" || die "no output in the answer: $answer"

printf '[bench] %sx%s Byte raster; A = sync Execute of otb.BandMath through zoo_loader.cgi, B = otbcli_BandMath alone\n' "$SIZE" "$SIZE" >&2
hyperfine --warmup 2 --runs "$RUNS" -n "zoo_loader.cgi" "$KERNEL" -n "otbcli_BandMath alone" "$ALONE"
