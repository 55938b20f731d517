#!/usr/bin/env bash
# bench/publish-latency.sh - what publishing an output through MapServer adds to a synchronous Execute.
#
# Usage: bash bench/publish-latency.sh [RUNS]          (RUNS: runs per case, default 30; or env RUNS)
#
# Environment:
#   ZOO_DIST     directory holding zoo_loader.cgi and main.cfg (default: dist/cgi-bin; bash build.sh)
#
# The same service, on the same input, asked for two formats: one with useMapserver=true (the kernel
# reads the data with GDAL's tools, writes the mapfile into dataPath and answers with a MapServer URL)
# and one without (the kernel stores the same bytes in tmpPath and answers with their URL). The
# difference of the medians is the time publication adds to one output:
#   raster  PublishRaster, a 64x64 3-band GeoTIFF in EPSG:32631: image/tiff (WCS link) vs
#           "image/tiff; application=geotiff" (the file)
#   vector  PublishVector, a GeoJSON of 50 points: text/xml (WFS link) vs application/geo+json (the file)
# MapServer itself is not involved: the kernel only writes the mapfile; nothing is fetched.
# Each case's answer is checked once (a Reference to mapserv, or to tmpUrl) before it is timed.
# Wall times come from hyperfine -N (no shell between it and the CGI, as a web server runs it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUNS="${1:-${RUNS:-30}}"

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench] %s\n' "$*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"

. "$ROOT/scripts/packages.sh"
ensure_packages /usr/bin/hyperfine:hyperfine gdal_create:gdal-bin /usr/bin/python3:python3 \
  || die "cannot install hyperfine, gdal-bin and python3"
. "$ROOT/scripts/ini.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zoo-publish-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -a "$DIST/." "$WORK/cgi/"
mkdir -p "$WORK/tmp" "$WORK/cache" "$WORK/data"
ini_set "$WORK/cgi/main.cfg" main tmpPath "$WORK/tmp"
ini_set "$WORK/cgi/main.cfg" main cacheDir "$WORK/cache"
ini_set "$WORK/cgi/main.cfg" main dataPath "$WORK/data"

gdal_create -q -of GTiff -outsize 64 64 -bands 3 -burn 90 -a_srs EPSG:32631 \
  -a_ullr 500000 4600000 500640 4599360 "$WORK/r.tif" || die "gdal_create failed"
/usr/bin/python3 - "$WORK/v.json" <<'PY'
import json, sys
features = [{"type": "Feature", "properties": {"id": i}, "geometry": {"type": "Point", "coordinates": [i * 0.1, 45 + i * 0.05]}}
            for i in range(50)]
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[1], "w"))
PY
urlencode() { /usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip(), safe=""))'; }
RASTER="$(base64 -w0 "$WORK/r.tif" | urlencode)"
VECTOR="$(urlencode <"$WORK/v.json")"

execute_query() {  # args: service data-input-attributes output-mimetype
  printf 'service=WPS&version=1.0.0&request=Execute&identifier=%s&DataInputs=InputData=%s&ResponseDocument=Result@asReference=true@mimeType=%s' \
    "$1" "$2" "$3"
}

cgi_env() {  # args: query
  CGI_VARS=(PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1
    SERVER_NAME=127.0.0.1 SERVER_PORT=8080 REMOTE_ADDR=127.0.0.1 SCRIPT_NAME=/cgi-bin/zoo_loader.cgi
    SCRIPT_FILENAME="$WORK/cgi/zoo_loader.cgi" REQUEST_METHOD=GET QUERY_STRING="$1" HTTP_HOST=127.0.0.1:8080)
}

# Prints the median wall time in ms of RUNS runs, after checking that the answer references WANT.
median_ms() {  # args: label query want
  local out="$WORK/out" json="$WORK/hyperfine.json"
  cgi_env "$2"
  (cd "$WORK/cgi" && env -i "${CGI_VARS[@]}" ./zoo_loader.cgi) >"$out" 2>"$out.err" || die "$1: exit status $?"
  grep -q "<wps:Reference href=\"$3" "$out" || { head -c 2000 "$out" "$out.err" >&2; die "$1: no reference to $3"; }
  (cd "$WORK/cgi" && env -i "${CGI_VARS[@]}" /usr/bin/hyperfine -N --style none --warmup 3 --runs "$RUNS" \
    --output null --export-json "$json" ./zoo_loader.cgi) >/dev/null
  /usr/bin/python3 -c 'import json, statistics, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
print("%.1f" % (statistics.median(times) * 1000))' "$json"
}

MS="$(ini_get "$WORK/cgi/main.cfg" main mapserverAddress)"
TMPURL="$(ini_get "$WORK/cgi/main.cfg" main tmpUrl)"
GEOTIFF="$(printf 'image/tiff; application=geotiff' | urlencode)"
GEOJSON="$(printf 'application/geo+json' | urlencode)"

printf '%-8s %14s %14s %10s   (median wall ms of %s runs)\n' case published by-reference added "$RUNS"
for kind in raster vector; do
  if [[ $kind == raster ]]; then
    published="$(execute_query PublishRaster "$RASTER@encoding=base64@mimeType=image/tiff" image/tiff)"
    plain="$(execute_query PublishRaster "$RASTER@encoding=base64@mimeType=image/tiff" "$GEOTIFF")"
  else
    published="$(execute_query PublishVector "$VECTOR@mimeType=application/json" text/xml)"
    plain="$(execute_query PublishVector "$VECTOR@mimeType=application/json" "$GEOJSON")"
  fi
  a="$(median_ms "$kind published" "$published" "$MS")"
  b="$(median_ms "$kind by reference" "$plain" "$TMPURL")"
  printf '%-8s %14s %14s %10s\n' "$kind" "$a" "$b" "$(/usr/bin/python3 -c "print(f'{$a - $b:.1f}')")"
done
log "mapfiles written: $(ls "$WORK/data"/*.map | wc -l)"
