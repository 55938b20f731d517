#!/usr/bin/env bash
# tools/otb-describe/build.sh OUTPUT - compiles otb-describe against Debian's OTB development files
# (package libotb-dev: headers in /usr/include/OTB-<version>, ITK's in /usr/include/ITK-<version>).
# Exit 3, without building, when they are not installed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$1"
otb_include=$(ls -d /usr/include/OTB-* 2>/dev/null | sort -V | tail -1)
itk_include=$(ls -d /usr/include/ITK-* 2>/dev/null | sort -V | tail -1)
[[ -n "$otb_include" && -f "$otb_include/otbWrapperApplication.h" && -n "$itk_include" ]] || exit 3
otb_version=${otb_include##*/OTB-}
itk_version=${itk_include##*/ITK-}
mkdir -p "$(dirname "$OUT")"
g++ -std=c++17 -O1 -w -I"$otb_include" -I"$itk_include" -I/usr/include/gdal "$HERE/otb-describe.cxx" -o "$OUT.tmp" \
  -lOTBApplicationEngine-"$otb_version" -lOTBCommon-"$otb_version" -lITKCommon-"$itk_version" -litksys-"$itk_version"
mv "$OUT.tmp" "$OUT"
