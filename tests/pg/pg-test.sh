#!/usr/bin/env bash
# Runs a test program against a throwaway PostgreSQL cluster of its own:
#
#   pg-test.sh PROGRAM [ARGS…]
#
# starts a cluster with pg-cluster.sh, runs PROGRAM with GA_TEST_PG_URI set
# to it, stops and removes the cluster however PROGRAM ends, and exits with
# PROGRAM's status. When GA_TEST_PG_URI is already set, that server is used
# and no cluster is started. When PostgreSQL's server programs are not
# installed, it exits with 77, which meson reports as a skipped test.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 1 ] || { echo "usage: pg-test.sh PROGRAM [ARGS…]" >&2; exit 2; }

if [ -n "${GA_TEST_PG_URI:-}" ]; then
  exec "$@"
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/ga-pg.XXXXXX")" || exit 1
# pg-cluster.sh start needs an empty folder it may give to the server's
# account; the stop removes it.
cleanup() {
  if [ -f "$dir/cluster.env" ]; then
    bash "$here/pg-cluster.sh" stop "$dir" || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

uri="$(bash "$here/pg-cluster.sh" start "$dir" 2>"$dir.log")"
status=$?
if [ $status -eq 77 ]; then
  echo "SKIP: $(cat "$dir.log")" >&2
  rm -f "$dir.log"
  exit 77
fi
if [ $status -ne 0 ]; then
  echo "pg-test.sh: the throwaway PostgreSQL cluster did not start:" >&2
  cat "$dir.log" >&2
  rm -f "$dir.log"
  exit 1
fi
rm -f "$dir.log"

export GA_TEST_PG_URI="$uri"
"$@"
exit $?
