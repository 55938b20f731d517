#!/bin/sh
# direct-cgi.sh - runs zoo_loader.cgi without any web server, as a shell script on the WPS host can: the request
# is given in the CGI variables (REQUEST_METHOD, QUERY_STRING; for a POST, CONTENT_TYPE, CONTENT_LENGTH and the
# body on standard input), in the CGI's own directory, where it reads main.cfg. The CGI writes its HTTP headers,
# a blank line, then the document: the headers are dropped, their Status decides the exit status.
#
# Usage: direct-cgi.sh CGI_DIR hello NAME        HelloPy's greeting for NAME: a 1.0.0 KVP Execute (GET) with
#                                                RawDataOutput, so the document is the value itself
#        direct-cgi.sh CGI_DIR hello-post NAME   the same Execute as a 1.0.0 XML document (POST)
#   CGI_DIR holds zoo_loader.cgi and main.cfg (e.g. dist/cgi-bin)
#
# Prints the value on stdout. Exits 1, with the CGI's whole answer on stderr, when its Status is not 200, and
# 2 on a usage error.
set -eu

usage() { echo "usage: $0 CGI_DIR hello|hello-post NAME" >&2; exit 2; }

[ $# -eq 3 ] || usage
cd "$1"
answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT

# The CGI's environment is the request's alone (env -i), as a web server gives it.
case "$2" in
  hello)
    name="$(printf '%s' "$3" | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g')"   # every byte percent-encoded
    env -i PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET \
      QUERY_STRING="service=WPS&version=1.0.0&request=Execute&Identifier=HelloPy&DataInputs=a=$name&RawDataOutput=Result" \
      ./zoo_loader.cgi </dev/null >"$answer"
    ;;
  hello-post)
    name="$(printf '%s' "$3" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')"
    body="$(mktemp)"
    trap 'rm -f "$answer" "$body"' EXIT
    cat >"$body" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1">
  <ows:Identifier>HelloPy</ows:Identifier>
  <wps:DataInputs>
    <wps:Input><ows:Identifier>a</ows:Identifier><wps:Data><wps:LiteralData>$name</wps:LiteralData></wps:Data></wps:Input>
  </wps:DataInputs>
  <wps:ResponseForm><wps:RawDataOutput><ows:Identifier>Result</ows:Identifier></wps:RawDataOutput></wps:ResponseForm>
</wps:Execute>
EOF
    env -i PATH=/usr/local/bin:/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=POST QUERY_STRING= \
      CONTENT_TYPE=text/xml CONTENT_LENGTH="$(wc -c <"$body")" \
      ./zoo_loader.cgi <"$body" >"$answer"
    ;;
  *) usage ;;
esac

# The headers end at the first empty line (CGI lines end in CRLF or LF).
status="$(awk '{ sub(/\r$/, "") } $0 == "" { exit } tolower($1) == "status:" { print $2; exit }' "$answer")"
if [ "${status:-200}" != 200 ]; then
  cat "$answer" >&2
  exit 1
fi
awk 'body { print; next } { sub(/\r$/, "") } $0 == "" { body = 1 }' "$answer"
