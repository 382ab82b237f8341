#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a
# temporary folder, listening only on a Unix socket in that folder, with
# SCRAM passwords. Nothing outside the folder is touched.
#
#   pg-cluster.sh start [DIR]  creates and starts a cluster (in DIR, or in a new
#                              folder under ${TMPDIR:-/tmp}), prints its
#                              connection URI on stdout and the folder on stderr
#   pg-cluster.sh env DIR      prints shell `export` lines for the cluster
#                              (GA_TEST_PG_URI and the PG* variables of psql)
#   pg-cluster.sh uri DIR      prints the connection URI again
#   pg-cluster.sh stop DIR     stops the cluster and removes DIR
#
# With GA_PG_TLS=1 the server also listens on TCP, on 127.0.0.1 at a free
# port, with TLS only (ssl = on; TCP connections without TLS are rejected
# in pg_hba.conf): a CA and a server certificate for localhost and
# 127.0.0.1 are made with openssl in DIR/tls (ca.crt is what clients
# check with sslmode=verify-full). Without openssl it exits with 77.
#
# DIR may also be given as GA_PG_DIR. initdb refuses to run as root, so under
# root the server runs as an unprivileged account: GA_PG_USER if set, else
# `postgres` (created by Debian's postgresql package), else `nobody`.
#
# Exit status: 0 done, 77 PostgreSQL's server programs are not installed
# (what meson and automake read as "skipped"), 1 anything else.
set -euo pipefail

die() { echo "pg-cluster.sh: $*" >&2; exit 1; }

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

# The folder holding initdb, pg_ctl and postgres: GA_PG_BINDIR, else where
# pg_config (libpq-dev) says, else Debian's versioned folders (newest first),
# else the PATH.
find_bindir() {
  local d
  if [ -n "${GA_PG_BINDIR:-}" ]; then
    [ -x "$GA_PG_BINDIR/initdb" ] && { echo "$GA_PG_BINDIR"; return 0; }
    return 1
  fi
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"; return 0
    fi
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"; return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  return 1
}

# The account the server runs as: the caller, or under root an unprivileged one.
server_user() {
  if [ "$(id -u)" -ne 0 ]; then
    id -un
  elif [ -n "${GA_PG_USER:-}" ]; then
    echo "$GA_PG_USER"
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    echo nobody
  fi
}

# Runs a command as the server's account.
as_server() {
  local user="$1"; shift
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$user" -- "$@"
  elif command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups -- "$@"
  else
    local q; q="$(printf '%q ' "$@")"
    su -s /bin/sh "$user" -c "$q"
  fi
}

cluster_dir() {
  local d="${1:-${GA_PG_DIR:-}}"
  [ -n "$d" ] || die "which cluster? Give its folder (the one 'start' printed) or set GA_PG_DIR"
  [ -f "$d/cluster.env" ] || die "$d holds no cluster made by pg-cluster.sh (no cluster.env)"
  echo "$d"
}

load_env() {
  # shellcheck disable=SC1091
  . "$1/cluster.env"
}

uri_of() {
  # The socket folder is a query parameter (libpq reads host=/path as a
  # socket folder); the password is hexadecimal, so nothing needs escaping.
  echo "postgresql://${PG_USER}:${PG_PASSWORD}@/${PG_DB}?host=${PG_SOCKET}&port=${PG_PORT}"
}

cmd_start() {
  local bindir user dir created=0
  if ! bindir="$(find_bindir)"; then
    echo "pg-cluster.sh: PostgreSQL's server programs (initdb, pg_ctl) are not installed;" \
         "on Debian: apt-get install postgresql (build-aux/install-deps.sh does it)" >&2
    exit 77
  fi
  user="$(server_user)"
  id -u "$user" >/dev/null 2>&1 || die "the account $user does not exist (set GA_PG_USER to an unprivileged one)"

  if [ -n "${1:-${GA_PG_DIR:-}}" ]; then
    dir="${1:-$GA_PG_DIR}"
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty; give an empty or new folder"
  else
    # Short on purpose: a Unix socket path must stay under 108 bytes.
    dir="$(mktemp -d "${TMPDIR:-/tmp}/ga-pg.XXXXXX")"
    created=1
  fi
  dir="$(cd "$dir" && pwd -P)"
  [ "${#dir}" -le 80 ] || die "$dir is too long for a Unix socket path; set TMPDIR to a shorter folder"

  local password port=5432
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  mkdir -p "$dir/data" "$dir/socket"
  if [ "${GA_PG_TLS:-0}" = 1 ]; then
    if ! command -v openssl >/dev/null 2>&1; then
      [ "$created" -eq 1 ] && rm -rf "$dir"
      echo "pg-cluster.sh: GA_PG_TLS=1 needs openssl to make the certificates" >&2
      exit 77
    fi
    make_certificates "$dir/tls" || { [ "$created" -eq 1 ] && rm -rf "$dir"; die "openssl failed"; }
    port="$(free_port)" || { [ "$created" -eq 1 ] && rm -rf "$dir"; die "no free TCP port found"; }
  fi
  printf '%s\n' "$password" > "$dir/pwfile"
  chmod 700 "$dir" "$dir/data" "$dir/socket"
  chmod 600 "$dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$user" "$dir"
    if ! as_server "$user" test -w "$dir/data"; then
      [ "$created" -eq 1 ] && rm -rf "$dir"
      die "the server's account $user cannot reach $dir (a folder above it is closed to it);" \
          "set TMPDIR to a folder it can reach, such as /tmp"
    fi
  fi

  local log="$dir/server.log"
  if ! as_server "$user" "$bindir/initdb" -D "$dir/data" -U ga_test --pwfile="$dir/pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    [ "$created" -eq 1 ] && rm -rf "$dir"
    die "initdb failed (as $user); its output is above"
  fi
  rm -f "$dir/pwfile"

  # Unix socket only (no TCP port is opened, so clusters never collide), in
  # the cluster's own folder; fsync off: a throwaway cluster needs no
  # durability, and the tests run faster.
  cat >> "$dir/data/postgresql.conf" <<CONF

# pg-cluster.sh
listen_addresses = ''
unix_socket_directories = '$dir/socket'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 16MB
port = $port
CONF
  if [ -d "$dir/tls" ]; then
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
ssl = on
ssl_cert_file = '$dir/tls/server.crt'
ssl_key_file = '$dir/tls/server.key'
ssl_min_protocol_version = 'TLSv1.2'
CONF
    # TCP only with TLS and SCRAM; the socket as before.
    { echo "local all all scram-sha-256"
      echo "hostnossl all all 0.0.0.0/0 reject"
      echo "hostnossl all all ::/0 reject"
      echo "hostssl all all 127.0.0.1/32 scram-sha-256"
      echo "hostssl all all ::1/128 scram-sha-256"
    } > "$dir/data/pg_hba.conf"
  fi

  if ! as_server "$user" "$bindir/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 start >/dev/null; then
    cat "$log" >&2 || true
    as_server "$user" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    [ "$created" -eq 1 ] && rm -rf "$dir"
    die "the server did not start (as $user); its log is above"
  fi

  cat > "$dir/cluster.env" <<ENV
PG_BINDIR='$bindir'
PG_SERVER_USER='$user'
PG_SOCKET='$dir/socket'
PG_PORT=$port
PG_USER=ga_test
PG_PASSWORD='$password'
PG_DB=ga_test
ENV
  chmod 600 "$dir/cluster.env"
  load_env "$dir"

  if ! PGPASSWORD="$PG_PASSWORD" "$bindir/createdb" -h "$PG_SOCKET" -p "$PG_PORT" -U "$PG_USER" \
        -E UTF8 -T template0 "$PG_DB" >&2; then
    cmd_stop "$dir"
    die "could not create the database $PG_DB"
  fi
  echo "pg-cluster.sh: cluster in $dir (server account $user); stop it with: $0 stop $dir" >&2
  uri_of
}

# A CA and a server certificate for localhost and 127.0.0.1, in $1.
make_certificates() {
  local t="$1"
  mkdir -p "$t" || return 1
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=GreenAssess test CA" \
    -keyout "$t/ca.key" -out "$t/ca.crt" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1 || return 1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$t/server.key" -out "$t/server.csr" >/dev/null 2>&1 || return 1
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$t/ext"
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.crt" -CAkey "$t/ca.key" -CAcreateserial \
    -days 2 -extfile "$t/ext" -out "$t/server.crt" >/dev/null 2>&1 || return 1
  chmod 600 "$t/server.key" "$t/ca.key"
  chmod 644 "$t/ca.crt"
  chmod 711 "$t"
}

# A TCP port on 127.0.0.1 nobody listens on (the server fails to start if
# another process takes it in between; run the start again then).
free_port() {
  local p i
  for i in $(seq 1 50); do
    p=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"; return 0
    fi
  done
  return 1
}

cmd_stop() {
  local dir; dir="$(cluster_dir "${1:-}")"
  load_env "$dir"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server "$PG_SERVER_USER" "$PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_server "$PG_SERVER_USER" "$PG_BINDIR/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 \
      || echo "pg-cluster.sh: the server in $dir did not stop" >&2
  fi
  rm -rf "$dir"
}

cmd_env() {
  local dir; dir="$(cluster_dir "${1:-}")"
  load_env "$dir"
  printf 'export GA_PG_DIR=%q\n' "$dir"
  printf 'export GA_TEST_PG_URI=%q\n' "$(uri_of)"
  printf 'export PGHOST=%q PGPORT=%q PGUSER=%q PGPASSWORD=%q PGDATABASE=%q\n' \
    "$PG_SOCKET" "$PG_PORT" "$PG_USER" "$PG_PASSWORD" "$PG_DB"
}

cmd_uri() {
  local dir; dir="$(cluster_dir "${1:-}")"
  load_env "$dir"
  uri_of
}

[ $# -ge 1 ] || usage
case "$1" in
  start) shift; cmd_start "$@" ;;
  stop)  shift; cmd_stop "$@" ;;
  env)   shift; cmd_env "$@" ;;
  uri)   shift; cmd_uri "$@" ;;
  -h|--help|help) usage ;;
  *) echo "pg-cluster.sh: unknown command '$1'" >&2; usage ;;
esac
