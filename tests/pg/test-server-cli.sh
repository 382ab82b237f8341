#!/usr/bin/env bash
# greenassess-cli server as an administrator uses it, against the server of
# GA_TEST_PG_URI (a superuser; tests/pg/pg-test.sh starts one):
#
#   test-server-cli.sh GREENASSESS-CLI
#
# init twice (the second changes nothing), users added with a password from
# a file and from standard input, listed, assigned, removed, and the errors:
# an unknown role, a user who is not an administrator, an unknown credit
# code, a server that cannot be reached, a file instead of a server, a short
# password. psql adds the enterprise (the CLI has no command for that yet).
set -u

cli="$1"
[ -n "${GA_TEST_PG_URI:-}" ] || { echo "run through tests/pg/pg-test.sh" >&2; exit 77; }
command -v psql >/dev/null 2>&1 || { echo "SKIP: psql is not installed" >&2; exit 77; }

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# postgresql://USER:PASSWORD@/DB?host=…&port=…
rest="${GA_TEST_PG_URI#postgresql://}"
super_user="${rest%%:*}"
super_password="${rest#*:}"; super_password="${super_password%%@*}"
query="?${rest#*\?}"
db="ga_cli_$$"
uri_for() { echo "postgresql://$1:$2@/$db$query"; }
super="$(uri_for "$super_user" "$super_password")"
admin="adm_$$"; consultant="con_$$"
admin_password="admin-$RANDOM-$RANDOM-$$"
consultant_password="consultant-$RANDOM-$$"
work="$(mktemp -d)"

cleanup() {
  psql -q "$GA_TEST_PG_URI" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  psql -q "$GA_TEST_PG_URI" -c "DROP ROLE IF EXISTS \"$admin\"" -c "DROP ROLE IF EXISTS \"$consultant\"" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

psql -q "$GA_TEST_PG_URI" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" || exit 1

# expect STATUS PATTERN COMMAND…: runs the command, checks its exit status
# and that its output (stdout and stderr) holds PATTERN.
expect() {
  local status="$1" pattern="$2"; shift 2
  local out rc
  out="$("$@" 2>&1)"; rc=$?
  [ "$rc" -eq "$status" ] || fail "$* exited with $rc, not $status: $out"
  printf '%s\n' "$out" | grep -q -- "$pattern" || fail "$*: no '$pattern' in: $out"
  printf '%s\n' "$out" > "$work/last"
}

export LC_ALL=C LANGUAGE=C
expect 0 "server version 1" "$cli" server init "$super"
expect 0 "server version 1: already installed" "$cli" server init "$super"
grep -q "created" "$work/last" && fail "the second init created something: $(cat "$work/last")"

printf '%s\n' "$admin_password" > "$work/pw"
expect 1 "unknown role 'boss'" "$cli" server user add "$super" "$admin" --role boss --password-file "$work/pw"
expect 2 "role is required" "$cli" server user add "$super" "$admin" --password-file "$work/pw"
expect 0 "user $admin added as admin" "$cli" server user add "$super" "$admin" --role admin --password-file "$work/pw"
expect 1 "has a role named $admin already" "$cli" server user add "$super" "$admin" --role admin --password-file "$work/pw"
printf 'short\n' > "$work/short"
expect 1 "too short" "$cli" server user add "$super" "x_$$" --role reviewer --password-file "$work/short"
expect 1 "starts with ga_ or pg_" "$cli" server user add "$super" ga_x --role reviewer --password-file "$work/pw"

admin_uri="$(uri_for "$admin" "$admin_password")"
PGCONNECT_TIMEOUT=10 psql -q "$admin_uri" -c "INSERT INTO enterprises (uuid, name, credit_code, created_at, updated_at) VALUES ('e1', 'One', '91110000000000001A', 't', 't')" \
  || fail "the administrator could not add an enterprise"

# The administrator (not a superuser) adds a consultant, the password on
# standard input.
expect 0 "user $consultant added as consultant" \
  sh -c 'printf "%s\n" "$1" | "$2" server user add "$3" "$4" --role consultant --enterprise 91110000000000001A' \
  sh "$consultant_password" "$cli" "$admin_uri" "$consultant"
expect 0 "$consultant  *consultant  *91110000000000001A" "$cli" server user list "$admin_uri"
expect 0 "$admin  *admin" "$cli" server user list "$super"

consultant_uri="$(uri_for "$consultant" "$consultant_password")"
expect 1 "is not a GreenAssess administrator" "$cli" server user list "$consultant_uri"
expect 1 "is not a superuser of the server" "$cli" server init "$consultant_uri"
[ "$(psql -qtA "$consultant_uri" -c 'SELECT count(*) FROM enterprises')" = 1 ] \
  || fail "the consultant does not see the assigned enterprise"

expect 1 "No enterprise on the server has the credit code 000000000000000000" \
  "$cli" server user assign "$admin_uri" "$consultant" 000000000000000000
expect 1 "is not a GreenAssess user" "$cli" server user assign "$admin_uri" nobody_here 91110000000000001A
expect 0 "no longer works on 91110000000000001A" \
  "$cli" server user unassign "$admin_uri" "$consultant" 91110000000000001A
[ "$(psql -qtA "$consultant_uri" -c 'SELECT count(*) FROM enterprises')" = 0 ] \
  || fail "the consultant still sees the enterprise after unassign"
expect 1 "is not assigned" "$cli" server user unassign "$admin_uri" "$consultant" 91110000000000001A
expect 0 "now works on 91110000000000001A" "$cli" server user assign "$admin_uri" "$consultant" 91110000000000001A

expect 1 "could not be reached" "$cli" server user list "postgresql://nobody@/x?host=$work/none&port=5432"
expect 1 "is not a server address" "$cli" server init "$work/local.db"
expect 2 "missing URI" "$cli" server init

expect 0 "user $consultant removed" "$cli" server user remove "$admin_uri" "$consultant"
"$cli" server user list "$admin_uri" 2>&1 | grep -q "$consultant" && fail "the removed user is still listed"
psql -qtA "$GA_TEST_PG_URI" -c "SELECT 1 FROM pg_roles WHERE rolname = '$consultant'" | grep -q 1 \
  && fail "the removed user's role is still there"

if [ "$failures" -ne 0 ]; then
  echo "$failures checks failed" >&2
  exit 1
fi
echo "all checks passed"
