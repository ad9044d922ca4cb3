#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the demo (issue 11): Debian's postgresql
# binaries, run as a non-root user, listening on a unix socket in the cluster's folder and on a
# free loopback port; nothing is installed system-wide and nothing outside the folder is touched.
#
#   bash Tools/pg.sh start [DIR]   create and start the cluster (default DIR: .pg in the project);
#                                  prints the --db URL, also kept in DIR/url
#   bash Tools/pg.sh url [DIR]     print the URL of a running cluster
#   bash Tools/pg.sh stop [DIR]    stop it and remove DIR
#   bash Tools/pg.sh down [DIR]    stop the server but keep the cluster (a database restart)
#   bash Tools/pg.sh up [DIR]      start a cluster stopped by down again, on its port
#
# The URL is postgres://teamgraph:PASSWORD@127.0.0.1:PORT/teamgraph (a random password; password
# authentication over TCP, the owner's own trust on the socket).
set -euo pipefail
cd "$(dirname "$0")/.."
command=${1:-}
dir=${2:-.pg}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg: PostgreSQL is not installed (bash Tools/setup.sh installs Debian's postgresql)" >&2
  exit 3
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user (or nobody).
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif id postgres >/dev/null 2>&1; then
    setpriv --reuid=postgres --regid="$(id -g postgres)" --clear-groups -- "$@"
  else
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  fi
}
owner() {
  if [ "$(id -u)" -ne 0 ]; then id -un; elif id postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi
}

case "$command" in
start)
  if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    cat "$dir/url"
    exit 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # The owner must reach the folder: a folder under a private home is refused with a clear message.
  chown "$(owner)" "$dir"
  chmod 700 "$dir"
  if ! as_owner test -w "$dir"; then
    echo "pg: user $(owner) cannot use $dir (a parent folder is closed to it); give another folder" >&2
    exit 2
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  printf '%s\n' "$password" > "$dir/password"
  chown "$(owner)" "$dir/password"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$dir/password" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { echo "pg: initdb failed, see $dir/initdb.log" >&2; exit 2; }
  # The server outlives this script: it must not keep any descriptor it was given open (a caller
  # reading this script's output till its end, or another program's pipe inherited by chance,
  # would wait for the server to stop).
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on" start \
    </dev/null >"$dir/pg_ctl.log" 2>&1 ||
    { echo "pg: the server did not start, see $dir/server.log" >&2; exit 2; }
  as_owner "$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE teamgraph LOGIN PASSWORD '$password'" -c "CREATE DATABASE teamgraph OWNER teamgraph" >/dev/null
  url="postgres://teamgraph:$password@127.0.0.1:$port/teamgraph"
  printf '%s\n' "$url" > "$dir/url"
  printf '%s\n' "$port" > "$dir/port"
  echo "$url"
  ;;
down)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
  ;;
up)
  dir=$(cd "$dir" && pwd)
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$(cat "$dir/port") -c unix_socket_directories=$dir -c fsync=on" start \
    </dev/null >"$dir/pg_ctl.log" 2>&1 ||
    { echo "pg: the server did not start, see $dir/server.log" >&2; exit 2; }
  ;;
url)
  [ -f "$dir/url" ] || { echo "pg: no cluster in $dir (bash Tools/pg.sh start)" >&2; exit 2; }
  cat "$dir/url"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: bash Tools/pg.sh start|url|down|up|stop [DIR]" >&2
  exit 2
  ;;
esac
