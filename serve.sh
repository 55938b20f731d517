#!/usr/bin/env bash
# serve.sh - serve dist/cgi-bin over HTTP on 127.0.0.1 with nginx + fcgiwrap (or, with --apache, Apache 2.4
# with mod_cgid), the way an operator would deploy zoo_loader.cgi, but with a private config: /etc/nginx,
# /etc/apache2 and the system services are never touched.
#
# Usage: bash serve.sh [--apache]                run in the foreground; Ctrl-C (or SIGTERM) stops everything
#        bash serve.sh [--apache] --background   start, wait until it answers, write the pid file and return
#        bash serve.sh --stop                    stop the server started with --background (same PORT)
#
# Both servers answer the same URLs (below) with the same rules. Apache runs its children (so the CGIs) as
# the owner of ZOO_DIST when started as root, and never as root: when that owner is root they run as
# ZOO_APACHE_USER (default www-data), which must be able to read ZOO_DIST.
#
# Environment:
#   PORT                 port on 127.0.0.1 (default 8080)
#   ZOO_DIST             the directory to serve as /cgi-bin/ (default: dist/cgi-bin beside this script)
#   ZOO_SERVE_BACKGROUND=1  same as --background
#   ZOO_SERVE_RUN_DIR    private server prefix, sockets, pid files (default /tmp/zoo-serve.$PORT);
#                        removed when the server stops. Its serve.pid holds the pid to signal.
#   ZOO_SERVE_LOG        where --background writes the server's output (default /tmp/zoo-serve.$PORT.log)
#   ZOO_CGI_PATH         PATH of the CGI (its environment is only PATH plus the request variables)
#   ZOO_APACHE_USER      with --apache as root, the user the CGIs run as when ZOO_DIST belongs to root
#
# URLs:
#   /cgi-bin/<name>.cgi  runs $ZOO_DIST/<name>.cgi (fcgiwrap, or mod_cgid), with cwd = $ZOO_DIST (ZOO reads
#                        main.cfg from its working directory). Other files in cgi-bin are not served.
#   /ogc-api/X?q         runs $ZOO_DIST/zoo_loader.cgi with QUERY_STRING=/X&q (ZOO's rewrite rule)
#   /temp/               the files under [main] tmpPath of $ZOO_DIST/main.cfg (the URL path is taken
#                        from [main] tmpUrl, /temp/ by default), but the kernel's own files (404)
#   /cgi-bin/mapserv     MapServer 8 (Debian's cgi-mapserver, /usr/lib/cgi-bin/mapserv) as a CGI too,
#                        for the outputs the kernel publishes: ?map=<dataPath>/<name>.map, with
#                        [main] dataPath of $ZOO_DIST/main.cfg. Its MAPSERVER_CONFIG_FILE is a copy of the
#                        file [main] msConfig names (default: mapserver.conf beside main.cfg) whose
#                        MS_MAP_PATTERN admits the mapfiles directly in that dataPath and nothing else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$ROOT/$(basename "${BASH_SOURCE[0]}")"
PORT="${PORT:-8080}"
DIST="${ZOO_DIST:-$ROOT/dist/cgi-bin}"
RUN_DIR="${ZOO_SERVE_RUN_DIR:-${TMPDIR:-/tmp}/zoo-serve.$PORT}"
PID_FILE="$RUN_DIR/serve.pid"
BG_LOG="${ZOO_SERVE_LOG:-${TMPDIR:-/tmp}/zoo-serve.$PORT.log}"
CGI_PATH="${ZOO_CGI_PATH:-/usr/local/bin:/usr/bin:/bin}"
FCGI_CHILDREN="${ZOO_FCGI_CHILDREN:-4}"   # concurrent CGI requests

log() { printf '[serve] %s\n' "$*" >&2; }
die() { printf '[serve] ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT < 65536)) || die "PORT must be a TCP port number (got '$PORT')"

MODE=foreground SERVER=nginx
[[ "${ZOO_SERVE_BACKGROUND:-0}" == 1 ]] && MODE=background
for option in "$@"; do
  case "$option" in
    --apache) SERVER=apache ;;
    --background) MODE=background ;;
    --stop) MODE=stop ;;
    -h|--help) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $option (try --help)" ;;
  esac
done

# The pid in serve.pid is the foreground serve.sh that supervises the servers; it cleans up
# on SIGTERM/SIGINT. Prints it if that process is alive.
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# Waits (polling, with a deadline) until 127.0.0.1:$PORT accepts connections.
wait_listening() {  # args: seconds [pid that must stay alive]
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    if [[ -n "${2:-}" ]] && ! kill -0 "$2" 2>/dev/null; then return 1; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# ------------------------------------------------------------------------------------ --stop
if [[ "$MODE" == stop ]]; then
  pid="$(running_pid)" || { log "nothing running on port $PORT (no live pid in $PID_FILE)"; exit 0; }
  kill -TERM "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { log "stopped (pid $pid)"; exit 0; }; sleep 0.1; done
  die "pid $pid did not stop within 10 s"
fi

# ------------------------------------------------------------------------------------ checks
[[ -x "$DIST/zoo_loader.cgi" ]] || die "$DIST/zoo_loader.cgi is missing: run 'bash build.sh' first"
DIST="$(cd "$DIST" && pwd)"

if pid="$(running_pid)"; then
  if [[ "$MODE" == background ]]; then log "already running on port $PORT (pid $pid)"; exit 0; fi
  die "already running on port $PORT (pid $pid); stop it with: PORT=$PORT bash serve.sh --stop"
fi

# ------------------------------------------------------------------------------------ packages
. "$ROOT/scripts/packages.sh"
MAPSERV=/usr/lib/cgi-bin/mapserv
if [[ "$SERVER" == apache ]]; then
  ensure_packages apache2:apache2 setpriv:util-linux "$MAPSERV:cgi-mapserver" xsltproc:xsltproc \
    || die "cannot install Apache (apache2), MapServer (cgi-mapserver) and xsltproc"
  APACHE="$(command -v apache2 || echo /usr/sbin/apache2)"
  APACHE_MODULES=/usr/lib/apache2/modules
else
  ensure_packages nginx:nginx-light fcgiwrap:fcgiwrap setpriv:util-linux "$MAPSERV:cgi-mapserver" xsltproc:xsltproc \
    || die "cannot install nginx, fcgiwrap, MapServer (cgi-mapserver) and xsltproc"
  NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
  FCGIWRAP="$(command -v fcgiwrap || echo /usr/sbin/fcgiwrap)"
fi

# Another server on the port would answer our readiness checks: refuse to start instead.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "127.0.0.1:$PORT is already in use by another program (choose another PORT)"
fi

# ------------------------------------------------------------------------------------ --background
# Start this script in the foreground mode in its own session (so it outlives the caller and a
# Ctrl-C in the caller's terminal does not reach it), wait until it answers, and return.
if [[ "$MODE" == background ]]; then
  server_option=()
  [[ "$SERVER" == apache ]] && server_option=(--apache)
  ZOO_SERVE_BACKGROUND=0 setsid bash "$SELF" "${server_option[@]}" </dev/null >"$BG_LOG" 2>&1 &
  bg_pid=$!
  # serve.pid is written once the server listens (and, for nginx, fcgiwrap's socket exists).
  deadline=$((SECONDS + 30))
  until running_pid >/dev/null; do
    if ! kill -0 "$bg_pid" 2>/dev/null || ((SECONDS >= deadline)); then
      cat "$BG_LOG" >&2
      kill -TERM "$bg_pid" 2>/dev/null || true
      die "the server did not come up (log: $BG_LOG)"
    fi
    sleep 0.1
  done
  log "running in the background: pid $bg_pid ($PID_FILE), log $BG_LOG"
  log "stop it with: PORT=$PORT bash $SELF --stop"
  exit 0
fi

# ------------------------------------------------------------------------------------ main.cfg
. "$ROOT/scripts/ini.sh"

TMP_PATH="" CACHE_DIR="" TMP_URL_PATH="/temp/" TMP_URL="" DATA_PATH="" MS_CONFIG="" MS_ADDRESS=""
if [[ -f "$DIST/main.cfg" ]]; then
  TMP_PATH="$(ini_get "$DIST/main.cfg" main tmpPath)"
  CACHE_DIR="$(ini_get "$DIST/main.cfg" main cacheDir)"
  TMP_URL="$(ini_get "$DIST/main.cfg" main tmpUrl)"
  if [[ "$TMP_URL" =~ ^[a-z]+://[^/]+(/.*)$ ]]; then TMP_URL_PATH="${BASH_REMATCH[1]%/}/"; fi
  DATA_PATH="$(ini_get "$DIST/main.cfg" main dataPath)"
  MS_CONFIG="$(ini_get "$DIST/main.cfg" main msConfig)"
  MS_ADDRESS="$(ini_get "$DIST/main.cfg" main mapserverAddress)"
else
  log "warning: $DIST/main.cfg not found: /temp/ and /cgi-bin/mapserv are not served"
fi
[[ -z "$TMP_PATH" || "$TMP_PATH" == /* ]] || TMP_PATH="$DIST/$TMP_PATH"
[[ -z "$CACHE_DIR" || "$CACHE_DIR" == /* ]] || CACHE_DIR="$DIST/$CACHE_DIR"
[[ -z "$DATA_PATH" || "$DATA_PATH" == /* ]] || DATA_PATH="$DIST/$DATA_PATH"
if [[ -n "$TMP_URL" && "$TMP_URL" != "http://127.0.0.1:$PORT/"* && "$TMP_URL" != "http://localhost:$PORT/"* ]]; then
  log "warning: main.cfg tmpUrl=$TMP_URL does not point at this server (port $PORT)"
fi
MS_CONFIG="${MS_CONFIG:-mapserver.conf}"
[[ "$MS_CONFIG" == /* ]] || MS_CONFIG="$DIST/$MS_CONFIG"
if [[ -n "$MS_ADDRESS" && "$MS_ADDRESS" != "http://127.0.0.1:$PORT/cgi-bin/mapserv" && "$MS_ADDRESS" != "http://localhost:$PORT/cgi-bin/mapserv" ]]; then
  log "warning: main.cfg mapserverAddress=$MS_ADDRESS does not point at this server's /cgi-bin/mapserv (port $PORT)"
fi

# MapServer's mapfile pattern is built from dataPath (below), so dataPath must be a plain absolute
# path: no "." or ".." component, no "//", and no character that is special in a regular expression
# but ".", which is written "[.]".
if [[ -n "$DATA_PATH" ]]; then
  DATA_PATH="${DATA_PATH%/}"
  [[ "$DATA_PATH" =~ ^(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+$ ]] \
    || die "main.cfg dataPath=$DATA_PATH: serve.sh needs an absolute path of letters, digits and '_.-', without '.' or '..' components"
  [[ -f "$MS_CONFIG" ]] || die "MapServer's configuration file $MS_CONFIG ([main] msConfig) is missing (a dist older than cgi-env? run 'bash build.sh')"
  grep -qE '^[[:space:]]*MS_MAP_PATTERN[[:space:]]' "$MS_CONFIG" \
    || die "$MS_CONFIG has no MS_MAP_PATTERN line (in its ENV block) for serve.sh to set"
else
  log "warning: main.cfg has no [main] dataPath: /cgi-bin/mapserv is not served"
fi

# ------------------------------------------------------------------------------------ users
# As root, run the CGIs (fcgiwrap, or Apache's children) and nginx's workers as the owner of dist, as a
# web server would run them as an unprivileged user; that owner is root in CI, which is fine for nginx.
# Apache refuses to serve as root (its parent stays root to bind and log, as a system Apache does): its
# children then run as ZOO_APACHE_USER.
RUN_USER="$(id -un)" RUN_GROUP="$(id -gn)"
if [[ $EUID -eq 0 ]]; then
  RUN_USER="$(stat -c %U "$DIST")" RUN_GROUP="$(stat -c %G "$DIST")"
  if [[ "$SERVER" == apache && "$RUN_USER" == root ]]; then
    RUN_USER="${ZOO_APACHE_USER:-www-data}"
    id -u "$RUN_USER" >/dev/null 2>&1 || die "no user $RUN_USER to run Apache's children (set ZOO_APACHE_USER)"
    [[ "$(id -u "$RUN_USER")" != 0 ]] || die "Apache cannot run its children as root (ZOO_APACHE_USER=$RUN_USER)"
    RUN_GROUP="$(id -gn "$RUN_USER")"
  fi
fi
as_run_user=()
if [[ $EUID -eq 0 && "$RUN_USER" != root ]]; then
  as_run_user=(setpriv "--reuid=$RUN_USER" "--regid=$RUN_GROUP" --init-groups --)
fi
# A copy of dist in a private directory (mktemp's 0700) would answer 500 to every request: say so now.
"${as_run_user[@]}" test -x "$DIST/zoo_loader.cgi" \
  || die "$RUN_USER (who runs the CGIs) cannot run $DIST/zoo_loader.cgi: let it through every directory above (chmod o+x)"
[[ ! -f "$DIST/main.cfg" ]] || "${as_run_user[@]}" test -r "$DIST/main.cfg" \
  || die "$RUN_USER (who runs the CGIs) cannot read $DIST/main.cfg"

make_owned_dir() {  # a directory (and parents) the CGI user can write into
  local d="$1"
  if [[ ! -d "$d" ]]; then
    mkdir -p "$d"
    [[ $EUID -eq 0 && "$RUN_USER" != root ]] && chown "$RUN_USER:$RUN_GROUP" "$d"
  elif ((${#as_run_user[@]})) && ! "${as_run_user[@]}" test -w "$d" -a -x "$d"; then
    log "giving $d to $RUN_USER, who runs the CGIs (they write there)"
    chown "$RUN_USER:$RUN_GROUP" "$d"
  fi
  return 0
}
[[ -n "$TMP_PATH" ]] && make_owned_dir "$TMP_PATH"
[[ -n "$CACHE_DIR" ]] && make_owned_dir "$CACHE_DIR"
[[ -n "$DATA_PATH" ]] && make_owned_dir "$DATA_PATH"   # where the kernel writes its mapfiles

# ------------------------------------------------------------------------------------ run dir
rm -rf "$RUN_DIR"   # a stale one (its server is not alive: checked above)
mkdir -p "$RUN_DIR"/{tmp,sock}
chmod 0755 "$RUN_DIR"
[[ $EUID -eq 0 && "$RUN_USER" != root ]] && chown "$RUN_USER:$RUN_GROUP" "$RUN_DIR/sock" "$RUN_DIR/tmp"
SOCK="$RUN_DIR/sock/fcgiwrap.sock"

# MapServer 8 refuses every request without its configuration file, and that file holds the
# absolute dataPath (in MS_MAP_PATTERN), which differs from one copy of dist to another (the tests
# serve copies with their own dataPath). So mapserv does not read the file msConfig names as it
# is: serve.sh writes a copy of it into its run directory with the MS_MAP_PATTERN line set from this
# main.cfg's dataPath, and the server hands that copy's path to mapserv alone (nginx: fastcgi_param
# MAPSERVER_CONFIG_FILE, which fcgiwrap passes on as an environment variable; Apache: SetEnv). Nothing
# outside the run directory changes (no file of dist, no /etc/mapserver.conf), two servers of
# different copies never share a configuration, and, as root, the CGI user cannot change it (the
# run directory is root's). The rest of the file (MS_MAP_BAD_PATTERN, the empty MAPS) is kept.
MS_RUN_CONFIG=""
if [[ -n "$DATA_PATH" ]]; then
  MS_RUN_CONFIG="$RUN_DIR/mapserver.conf"
  ms_pattern="^${DATA_PATH//./[.]}/[A-Za-z0-9_-][A-Za-z0-9_.-]*[.]map\$"
  awk -v pattern="$ms_pattern" '
    /^[[:space:]]*MS_MAP_PATTERN[[:space:]]/ {
      match($0, /^[[:space:]]*/)
      printf "%sMS_MAP_PATTERN \"%s\"  # written by serve.sh from main.cfg dataPath\n", substr($0, 1, RLENGTH), pattern
      next
    }
    { print }' "$MS_CONFIG" >"$MS_RUN_CONFIG"
  chmod 0644 "$MS_RUN_CONFIG"
fi

# The kernel's own files in tmpPath (a job's state, environment and error log, sessions, hidden files)
# are not published: only the outputs, the input files and the status documents are. Both servers
# answer 404 for them.
PRIVATE_TMP_FILES='(/\.|/sess_|/exec_|\.(sid|pid|status|res)$|_lenv\.cfg$|_api\.cfg$|_cache\.list$|_error\.log$)'

nginx_config() {
  local user_line="" mapserv_location="" temp_location=""
  [[ $EUID -eq 0 ]] && user_line="user $RUN_USER $RUN_GROUP;"
  if [[ -n "$MS_RUN_CONFIG" ]]; then
    # An exact match: only /cgi-bin/mapserv itself runs mapserv (no PATH_INFO, no other name).
    mapserv_location="location = /cgi-bin/mapserv {
      gzip off;
      fastcgi_pass unix:$SOCK;
      fastcgi_read_timeout 300s;
      include $RUN_DIR/fastcgi_params;
      fastcgi_param QUERY_STRING      \$query_string;
      fastcgi_param SCRIPT_FILENAME   $MAPSERV;
      fastcgi_param SCRIPT_NAME       /cgi-bin/mapserv;
      fastcgi_param DOCUMENT_ROOT     ${MAPSERV%/*};
      fastcgi_param MAPSERVER_CONFIG_FILE $MS_RUN_CONFIG;
    }"
  fi
  if [[ -n "$TMP_PATH" ]]; then
    temp_location="location $TMP_URL_PATH {
      alias ${TMP_PATH%/}/;
      location ~ $PRIVATE_TMP_FILES { return 404; }
    }"
  fi

  # The request's CGI variables, for each location that runs a CGI (which adds SCRIPT_FILENAME,
  # SCRIPT_NAME and DOCUMENT_ROOT). Written out instead of including /etc/nginx/fastcgi_params, so
  # nothing is sent twice. The request headers are passed as HTTP_* by nginx itself
  # (fastcgi_pass_request_headers).
  cat >"$RUN_DIR/fastcgi_params" <<EOF
fastcgi_param REQUEST_METHOD    \$request_method;
fastcgi_param CONTENT_TYPE      \$content_type;
fastcgi_param CONTENT_LENGTH    \$content_length;
fastcgi_param REQUEST_URI       \$request_uri;
fastcgi_param DOCUMENT_URI      \$document_uri;
fastcgi_param SERVER_PROTOCOL   \$server_protocol;
fastcgi_param REQUEST_SCHEME    \$scheme;
fastcgi_param HTTPS             \$https if_not_empty;
fastcgi_param GATEWAY_INTERFACE CGI/1.1;
fastcgi_param SERVER_SOFTWARE   nginx/\$nginx_version;
fastcgi_param REMOTE_ADDR       \$remote_addr;
fastcgi_param REMOTE_PORT       \$remote_port;
fastcgi_param SERVER_ADDR       \$server_addr;
fastcgi_param SERVER_PORT       \$server_port;
fastcgi_param SERVER_NAME       \$server_name;
EOF

  cat >"$RUN_DIR/nginx.conf" <<EOF
# Generated by serve.sh; removed when it stops.
$user_line
daemon off;
master_process on;
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $RUN_DIR/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $RUN_DIR/access.log;
  # Every temp path explicitly: the compiled-in defaults are under /var/lib/nginx.
  client_body_temp_path $RUN_DIR/tmp/body;
  fastcgi_temp_path $RUN_DIR/tmp/fastcgi;
  proxy_temp_path $RUN_DIR/tmp/proxy;
  scgi_temp_path $RUN_DIR/tmp/scgi;
  uwsgi_temp_path $RUN_DIR/tmp/uwsgi;
  client_max_body_size 1g;

  server {
    listen 127.0.0.1:$PORT;
    server_name 127.0.0.1;

    # Only *.cgi names run; main.cfg, .zcfg and .py files in cgi-bin are never served or executed.
    location ~ ^/cgi-bin/(?<cgi_name>[A-Za-z0-9_.-]+\.cgi)(?<cgi_path_info>/.*)?\$ {
      gzip off;
      fastcgi_pass unix:$SOCK;
      fastcgi_read_timeout 3600s;
      include $RUN_DIR/fastcgi_params;
      fastcgi_param QUERY_STRING      \$query_string;
      fastcgi_param SCRIPT_FILENAME   $DIST/\$cgi_name;
      fastcgi_param SCRIPT_NAME       /cgi-bin/\$cgi_name;
      fastcgi_param PATH_INFO         \$cgi_path_info if_not_empty;
      fastcgi_param DOCUMENT_ROOT     $DIST;
    }
    # OGC API - Processes, as ZOO's installs serve it: /ogc-api/X?q runs zoo_loader.cgi with
    # QUERY_STRING=/X&q, the form the kernel recognises (and oas.cfg's rootUrl names).
    location = /ogc-api { return 301 /ogc-api/; }
    location ~ ^/ogc-api(?<ogc_path>/.*)\$ {
      gzip off;
      set \$ogc_query \$ogc_path;
      if (\$args) { set \$ogc_query \$ogc_path&\$args; }
      fastcgi_pass unix:$SOCK;
      fastcgi_read_timeout 3600s;
      include $RUN_DIR/fastcgi_params;
      fastcgi_param QUERY_STRING      \$ogc_query;
      fastcgi_param SCRIPT_FILENAME   $DIST/zoo_loader.cgi;
      fastcgi_param SCRIPT_NAME       /cgi-bin/zoo_loader.cgi;
      fastcgi_param DOCUMENT_ROOT     $DIST;
    }
    $mapserv_location
    $temp_location
  }
}
EOF
}

# The same URLs and rules with Apache 2.4's own modules: mod_cgid runs the CGIs (each in its script's
# directory), mod_rewrite maps /ogc-api/ (ZOO's rule), mod_alias serves tmpPath.
apache_config() {
  local module
  mkdir -p "$RUN_DIR/htdocs"   # the DocumentRoot, empty: nothing but the URLs below is served
  {
    cat <<EOF
# Generated by serve.sh; removed when it stops.
ServerRoot "$RUN_DIR"
DefaultRuntimeDir "$RUN_DIR/tmp"
PidFile "$RUN_DIR/apache.pid"
Listen 127.0.0.1:$PORT
ServerName 127.0.0.1
EOF
    if [[ $EUID -eq 0 ]]; then printf 'User %s\nGroup %s\n' "$RUN_USER" "$RUN_GROUP"; fi
    for module in mpm_event authz_core alias mime env rewrite cgid; do
      printf 'LoadModule %s_module %s/mod_%s.so\n' "$module" "$APACHE_MODULES" "$module"
    done
    cat <<EOF
# Apache's own messages and the CGIs' stderr go to serve.sh's stderr, as fcgiwrap's do.
ErrorLog /dev/stderr
LogLevel warn
CustomLog "$RUN_DIR/access.log" "%h %t \"%r\" %>s %b %D"
TypesConfig /etc/mime.types
ScriptSock "$RUN_DIR/sock/cgid.sock"
# As nginx's fastcgi_read_timeout and client_max_body_size.
CGIDScriptTimeout 3600
LimitRequestBody 1073741824

DocumentRoot "$RUN_DIR/htdocs"
<Directory />
  Options None
  AllowOverride None
  Require all denied
</Directory>
# Empty: any other URL is not found (404), as under nginx.
<Directory "$RUN_DIR/htdocs">
  Require all granted
</Directory>

# Only *.cgi names run; main.cfg, .zcfg and .py files in cgi-bin are never served or executed.
ScriptAliasMatch "^/cgi-bin/([A-Za-z0-9_.-]+\.cgi)(/.*)?\$" "$DIST/\$1\$2"
<Directory "$DIST">
  # Authorization reaches the kernel as HTTP_AUTHORIZATION, as under nginx ([security] decides where
  # it goes further).
  CGIPassAuth On
  Require all granted
</Directory>

# OGC API - Processes, as ZOO's installs serve it (its .htaccess rule, in the server's context):
# /ogc-api/X?q runs zoo_loader.cgi with QUERY_STRING=/X&q.
RewriteEngine On
RewriteRule "^/ogc-api\$" "/ogc-api/" [R=301,L]
RewriteRule "^/ogc-api(/.*)\$" "/cgi-bin/zoo_loader.cgi?\$1" [PT,L,QSA]
EOF
    if [[ -n "$MS_RUN_CONFIG" ]]; then
      cat <<EOF

# An exact match: only /cgi-bin/mapserv itself runs mapserv (no PATH_INFO, no other name), and it
# alone is handed MapServer's configuration file.
ScriptAliasMatch "^/cgi-bin/mapserv\$" "$MAPSERV"
<Directory "${MAPSERV%/*}">
  # Debian's /usr/lib/cgi-bin/mapserv is a link to /usr/bin/mapserv.
  Options FollowSymLinks
  CGIDScriptTimeout 300
  Require all granted
</Directory>
<LocationMatch "^/cgi-bin/mapserv\$">
  SetEnv MAPSERVER_CONFIG_FILE "$MS_RUN_CONFIG"
</LocationMatch>
EOF
    fi
    if [[ -n "$TMP_PATH" ]]; then
      # RedirectMatch is tried before Alias, on the decoded and normalised path.
      local url_prefix="${TMP_URL_PATH%/}"
      cat <<EOF

RedirectMatch 404 "^${url_prefix//./\\.}(/.*)?$PRIVATE_TMP_FILES"
Alias "$TMP_URL_PATH" "${TMP_PATH%/}/"
<Directory "${TMP_PATH%/}">
  AcceptPathInfo Off
  Require all granted
</Directory>
EOF
    fi
  } >"$RUN_DIR/apache.conf"
}

# ------------------------------------------------------------------------------------ start
PIDS=()
group_alive() {  # true while a live (non-zombie) process is left in process group $1
  ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}
cleanup() {
  trap - INT TERM EXIT
  local pid
  # The HTTP server first (no new requests), then fcgiwrap. Each is the leader of its own process
  # group (setsid), and the whole group is signalled: fcgiwrap's parent does not stop its preforked
  # children (it respawns them), and a CGI still running belongs to the group too (under Apache, to
  # Apache's, with mod_cgid's daemon). ZOO's detached async workers are in their own sessions and are
  # not touched.
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do group_alive "$pid" || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$RUN_DIR"
  log "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A server writes its pid file only once it has bound the port; the port was free before (checked
# above), so a connection after that reaches this server.
wait_started() {  # args: pid pid-file name [log to show on failure]
  for _ in $(seq 100); do [[ -s "$2" ]] && break; kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if [[ ! -s "$2" ]] || ! wait_listening 10 "$1"; then
    [[ -z "${4:-}" ]] || cat "$4" >&2 2>/dev/null || true
    die "$3 did not start on 127.0.0.1:$PORT"
  fi
}

nginx_start() {
  # fcgiwrap hands its own environment to the CGIs (the request's variables are added on top), so it
  # starts with a clean one holding only PATH, like a web server's CGI environment: nothing of the
  # caller's shell leaks into ZOO. fcgiwrap chdirs into the script's directory for each request; it
  # also starts in $DIST, for good measure. Its stderr (where the CGIs' stderr goes) is this script's
  # stderr, so CGI errors show up live.
  # setsid makes each server the leader of a new session, away from the terminal's Ctrl-C: cleanup()
  # stops them in order instead.
  (cd "$DIST" && exec setsid env -i "PATH=$CGI_PATH" "${as_run_user[@]}" \
     "$FCGIWRAP" -c "$FCGI_CHILDREN" -s "unix:$SOCK" </dev/null) &
  PIDS+=($!)
  for _ in $(seq 100); do [[ -S "$SOCK" ]] && break; kill -0 "${PIDS[0]}" 2>/dev/null || break; sleep 0.05; done
  [[ -S "$SOCK" ]] || die "fcgiwrap did not create $SOCK"

  setsid "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/error.log" </dev/null &
  local nginx_pid=$!
  PIDS=("$nginx_pid" "${PIDS[@]}")
  wait_started "$nginx_pid" "$RUN_DIR/nginx.pid" nginx "$RUN_DIR/error.log"
}

apache_start() {
  # mod_cgid gives a CGI Apache's PATH and the request's variables, nothing else of Apache's
  # environment; Apache starts with a clean one all the same (only PATH), so nothing of the caller's
  # shell reaches it. -DFOREGROUND keeps its parent this script's child; setsid, as for nginx.
  (cd / && exec setsid env -i "PATH=$CGI_PATH" "$APACHE" -d "$RUN_DIR" -f "$RUN_DIR/apache.conf" -DFOREGROUND </dev/null) &
  local apache_pid=$!
  PIDS=("$apache_pid")
  wait_started "$apache_pid" "$RUN_DIR/apache.pid" Apache
}

if [[ "$SERVER" == apache ]]; then
  apache_config
  apache_start
  RUNS_CGIS="Apache 2.4 + mod_cgid, CGIs as $RUN_USER"
  LOGS="Apache's and the CGIs' messages: stderr; access log: $RUN_DIR/access.log"
else
  nginx_config
  nginx_start
  RUNS_CGIS="fcgiwrap as $RUN_USER"
  LOGS="nginx log: $RUN_DIR/error.log, $RUN_DIR/access.log"
fi
echo $$ >"$PID_FILE"

BASE="http://127.0.0.1:$PORT"
W="$BASE/cgi-bin/zoo_loader.cgi?service=WPS"
cat <<EOF
Serving $DIST
  on $BASE/cgi-bin/  ($RUNS_CGIS, cwd = $DIST)
  and $BASE/ogc-api/ -> zoo_loader.cgi?/...
${TMP_PATH:+  and $BASE$TMP_URL_PATH -> $TMP_PATH
}${MS_RUN_CONFIG:+  and $BASE/cgi-bin/mapserv?map=$DATA_PATH/<name>.map (MapServer 8, config $MS_RUN_CONFIG)
}Try:
  curl '$W&request=GetCapabilities&version=1.0.0'
  curl '$W&request=GetCapabilities&AcceptVersions=2.0.0'
  curl '$W&request=DescribeProcess&version=1.0.0&identifier=HelloPy'
  curl '$W&request=DescribeProcess&version=2.0.0&identifier=HelloPy'
  curl '$W&request=Execute&version=1.0.0&identifier=HelloPy&DataInputs=a=Toto&ResponseDocument=Result'
OGC API - Processes on $BASE/ogc-api/ (oas.cfg's rootUrl):
  curl '$BASE/ogc-api/processes'
  curl -H 'Content-Type: application/json' -d '{"inputs":{"a":"Toto"}}' '$BASE/ogc-api/processes/HelloPy/execution'
  curl -i -H 'Prefer: respond-async' -H 'Content-Type: application/json' -d '{"inputs":{"a":"Toto"}}' '$BASE/ogc-api/processes/HelloPy/execution'
  curl '$BASE/ogc-api/jobs'
$LOGS. Ctrl-C stops.
EOF

# Wait until a signal arrives or one of the servers dies; either way cleanup() stops the other.
set +e
wait -n "${PIDS[@]}"
rc=$?
log "a server exited unexpectedly (status $rc); stopping"
tail -n 20 "$RUN_DIR/error.log" >&2 2>/dev/null
exit 1
