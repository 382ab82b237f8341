#!/usr/bin/env bash
# TLS to the test server: run by tests/pg/pg-test.sh with GA_PG_TLS=1, so
# that the cluster also listens on 127.0.0.1 with TLS only (pg-cluster.sh).
#
#   test-tls.sh GREENASSESS-CLI
#
# greenassess-cli reaches it with sslmode=verify-full against the test CA
# (the connection is encrypted: pg_stat_ssl says so), and is refused with
# another CA, with a host name the certificate does not name, and without
# TLS.
set -u

cli="$1"
[ -n "${GA_TEST_PG_URI:-}" ] || { echo "run through tests/pg/pg-test.sh" >&2; exit 77; }
command -v psql >/dev/null 2>&1 || { echo "SKIP: psql is not installed" >&2; exit 77; }
command -v openssl >/dev/null 2>&1 || { echo "SKIP: openssl is not installed" >&2; exit 77; }

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# postgresql://USER:PASSWORD@/DB?host=DIR/socket&port=PORT
rest="${GA_TEST_PG_URI#postgresql://}"
user="${rest%%:*}"
password="${rest#*:}"; password="${password%%@*}"
db="${rest#*@/}"; db="${db%%\?*}"
socket="${rest#*host=}"; socket="${socket%%&*}"
port="${rest##*port=}"
dir="$(dirname "$socket")"
ca="$dir/tls/ca.crt"
[ -f "$ca" ] || { echo "the cluster has no TLS (GA_PG_TLS=1 was not set)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LC_ALL=C LANGUAGE=C

tcp() { echo "postgresql://$user:$password@$1:$port/$db?$2"; }

# Encrypted, and the server's certificate checked against the CA.
out="$(psql -qtA "$(tcp localhost "sslmode=verify-full&sslrootcert=$ca")" \
       -c "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()" 2>&1)"
case "$out" in
  t\|TLSv1.[23]) echo "psql verify-full: $out" ;;
  *) fail "psql with sslmode=verify-full: $out" ;;
esac

# The application's own connection (libpq through ga-db) over it.
out="$("$cli" server init "$(tcp localhost "sslmode=verify-full&sslrootcert=$ca")" 2>&1)" \
  || fail "greenassess-cli server init with sslmode=verify-full: $out"
printf '%s\n' "$out" | grep -q "server version 1" || fail "server init said: $out"

# Another CA: refused.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=Other CA" \
  -keyout "$work/other.key" -out "$work/other.crt" >/dev/null 2>&1 || fail "openssl"
out="$("$cli" server user list "$(tcp localhost "sslmode=verify-full&sslrootcert=$work/other.crt")" 2>&1)" \
  && fail "a server certificate from an unknown CA was accepted: $out"
printf '%s\n' "$out" | grep -qi "certificate verify failed" || fail "unknown CA: $out"

# A name the certificate does not hold: refused by verify-full.
if getent hosts localhost.localdomain >/dev/null 2>&1 \
   && [ "$(getent hosts localhost.localdomain | awk '{print $1; exit}')" = 127.0.0.1 ]; then
  out="$(psql -qtA "$(tcp localhost.localdomain "sslmode=verify-full&sslrootcert=$ca")" -c 'SELECT 1' 2>&1)" \
    && fail "a host name missing from the certificate was accepted"
  printf '%s\n' "$out" | grep -qi "does not match host name" || fail "wrong host name: $out"
else
  out="$(psql -qtA "postgresql://$user:$password@/$db?hostaddr=127.0.0.1&host=wrong.example&port=$port&sslmode=verify-full&sslrootcert=$ca" -c 'SELECT 1' 2>&1)" \
    && fail "a host name missing from the certificate was accepted"
  printf '%s\n' "$out" | grep -qi "does not match host name" || fail "wrong host name: $out"
fi

# Without TLS over TCP: refused by the server (pg_hba.conf).
out="$(psql -qtA "$(tcp 127.0.0.1 "sslmode=disable")" -c 'SELECT 1' 2>&1)" \
  && fail "a connection without TLS was accepted"
printf '%s\n' "$out" | grep -qi "no encryption\|pg_hba.conf" || fail "without TLS: $out"

if [ "$failures" -ne 0 ]; then
  echo "$failures checks failed" >&2
  exit 1
fi
echo "all checks passed"
