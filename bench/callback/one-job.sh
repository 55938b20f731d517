#!/usr/bin/env bash
# One asynchronous Execute of LongProcess (duration 0) in the dist copy $1, as a web server runs the CGI, then
# GetStatus until the job is final and until its worker has exited: the whole life of one job.
set -euo pipefail
dir="$1"
cgi() { (cd "$dir" && env -i PATH="$PATH" SERVER_NAME=127.0.0.1 SERVER_PORT=8080 SCRIPT_NAME=/cgi-bin/zoo_loader.cgi "$@" ./zoo_loader.cgi); }
body='<?xml version="1.0" encoding="UTF-8"?><wps:Execute xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0" service="WPS" version="2.0.0" response="document" mode="async"><ows:Identifier>LongProcess</ows:Identifier><wps:Input id="duration"><wps:Data>0</wps:Data></wps:Input><wps:Input id="steps"><wps:Data>1</wps:Data></wps:Input><wps:Output id="Result" transmission="value"/></wps:Execute>'
answer=$(printf '%s' "$body" | cgi REQUEST_METHOD=POST CONTENT_TYPE=text/xml CONTENT_LENGTH=${#body})
id=$(printf '%s' "$answer" | sed -n 's:.*<wps\:JobID>\([^<]*\)</wps\:JobID>.*:\1:p')
[[ -n "$id" ]] || { echo "no JobID: $answer" >&2; exit 1; }
until cgi REQUEST_METHOD=GET QUERY_STRING="service=WPS&version=2.0.0&request=GetStatus&JobID=$id" | grep -q -E '<wps:Status>(Succeeded|Failed)'; do
  sleep 0.01
done
while pgrep -f -- "--worker .* $id" >/dev/null; do sleep 0.01; done
