#!/bin/sh
# curl-client.sh - a WPS 1.0.0 client in plain shell (curl, sed), as the shell scripts that call ZOO are written.
#
# Usage: curl-client.sh WPS_URL hello NAME           HelloPy's greeting for NAME: a synchronous KVP Execute
#                                                    with RawDataOutput, so the answer is the value itself
#        curl-client.sh WPS_URL long SECONDS STEPS   LongProcess run asynchronously (storeExecuteResponse and
#                                                    status): its statusLocation fetched until the job ends,
#                                                    then its result
#   WPS_URL is zoo_loader.cgi's, e.g. http://127.0.0.1:8080/cgi-bin/zoo_loader.cgi
#
# Prints the value on stdout. Exits 1, with the server's last answer on stderr, when the request or the job
# failed (or the job did not end within 60 s), 2 on a usage error.
set -eu

usage() { echo "usage: $0 WPS_URL hello NAME | WPS_URL long SECONDS STEPS" >&2; exit 2; }
fail() { printf '%s\n' "$1" >&2; [ -z "${2:-}" ] || printf '%s\n' "$2" >&2; exit 1; }

# The text of the first wps:LiteralData of a document (entities decoded).
literal_data() {
  printf '%s' "$1" | tr -d '\n' | sed -n 's|.*<wps:LiteralData[^>]*>\([^<]*\)</wps:LiteralData>.*|\1|p' \
    | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'
}

[ $# -ge 2 ] || usage
url="$1"
case "$2" in
  hello)
    [ $# -eq 3 ] || usage
    # -f: an ExceptionReport comes with an HTTP error status; --data-urlencode encodes the value, -G puts it in
    # the query string.
    curl -sS -f -G "$url" --data service=WPS --data version=1.0.0 --data request=Execute --data Identifier=HelloPy \
      --data-urlencode "DataInputs=a=$3" --data RawDataOutput=Result \
      || fail "HelloPy failed"
    echo
    ;;
  long)
    [ $# -eq 4 ] || usage
    answer="$(curl -sS -f -G "$url" --data service=WPS --data version=1.0.0 --data request=Execute \
      --data Identifier=LongProcess --data-urlencode "DataInputs=duration=$3;steps=$4" \
      --data ResponseDocument=Result --data storeExecuteResponse=true --data status=true)" \
      || fail "LongProcess was not accepted"
    location="$(printf '%s' "$answer" | tr -d '\n' | sed -n 's|.*statusLocation="\([^"]*\)".*|\1|p' | sed 's/&amp;/\&/g')"
    [ -n "$location" ] || fail "no statusLocation in the answer:" "$answer"
    deadline=$(($(date +%s) + 60))
    while :; do
      answer="$(curl -sS -f "$location")" || fail "GET $location failed"
      case "$answer" in
        *"<wps:ProcessSucceeded"*) literal_data "$answer"; echo; exit 0 ;;
        *"<wps:ProcessFailed"*) fail "LongProcess failed:" "$answer" ;;
      esac
      [ "$(date +%s)" -lt "$deadline" ] || fail "LongProcess did not end within 60 s:" "$answer"
      sleep 0.2
    done
    ;;
  *) usage ;;
esac
