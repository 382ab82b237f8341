#!/usr/bin/env bash
# greenassess-cli db push and db pull against the server of GA_TEST_PG_URI
# (tests/pg/pg-test.sh starts one):
#
#   test-push-pull.sh GREENASSESS-CLI
#
# A local database with an enterprise, an assessment with answers and an
# evidence file is pushed (twice: the second adds nothing), pulled into a
# new file (the same answers and the same evidence bytes come back), a
# changed answer is refused until --replace is given, and the errors: an
# unknown credit code, a file instead of a server address, a missing local
# file, a server that cannot be reached.
set -u

cli="$1"
[ -n "${GA_TEST_PG_URI:-}" ] || { echo "run through tests/pg/pg-test.sh" >&2; exit 77; }
command -v psql >/dev/null 2>&1 || { echo "SKIP: psql is not installed" >&2; exit 77; }

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# postgresql://USER:PASSWORD@/DB?host=…&port=…
rest="${GA_TEST_PG_URI#postgresql://}"
auth="${rest%%@*}"
query="?${rest#*\?}"
db="ga_push_$$"
uri="postgresql://$auth@/$db$query"
work="$(mktemp -d)"

cleanup() {
  psql -q "$GA_TEST_PG_URI" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
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
code=91350100M000100Y43
local_db="$work/local.db"
pulled="$work/pulled.db"
expect 0 "ready" "$cli" db init --db "$local_db"
expect 0 "" "$cli" enterprise add --db "$local_db" --name "甲公司" --code "$code"
expect 0 "" "$cli" assessment new --db "$local_db" --enterprise "$code" --template gbt36132-2018
expect 0 "" "$cli" answer set --db "$local_db" 1 BR1 no
expect 0 "" "$cli" answer set --db "$local_db" 1 INF1 partial
# Bytes that are not text, with a NUL.
printf '%%PDF\000\377\376\200 evidence\n' > "$work/proof.pdf"
expect 0 "" "$cli" evidence add --db "$local_db" 1 BR1 "$work/proof.pdf"

expect 0 "assessments: 1 added, 0 replaced, 0 unchanged" "$cli" db push "$local_db" "$uri"
grep -q "evidence files sent: 1" "$work/last" || fail "the evidence was not sent: $(cat "$work/last")"
# The password never shows.
grep -q "${auth#*:}" "$work/last" && fail "the password is shown: $(cat "$work/last")"
expect 0 "assessments: 0 added, 0 replaced, 1 unchanged" "$cli" db push "$local_db" "$uri"
grep -q "evidence files sent: 0" "$work/last" || fail "the second push sent evidence: $(cat "$work/last")"

expect 0 "enterprises: 1 added" "$cli" db pull "$uri" "$pulled"
"$cli" answer list --db "$local_db" 1 > "$work/answers.local" 2>&1
"$cli" answer list --db "$pulled" 1 > "$work/answers.pulled" 2>&1
cmp -s "$work/answers.local" "$work/answers.pulled" \
  || fail "the pulled answers differ: $(diff "$work/answers.local" "$work/answers.pulled")"
grep -q "BR1" "$work/answers.pulled" || fail "no answers pulled: $(cat "$work/answers.pulled")"
expect 0 "" "$cli" evidence extract --db "$pulled" 1 "$work/back.pdf"
cmp -s "$work/proof.pdf" "$work/back.pdf" || fail "the pulled evidence bytes differ"

# A change on one side only: refused, nothing written, until --replace.
expect 0 "" "$cli" answer set --db "$local_db" 1 BR2 yes
expect 1 "differs" "$cli" db push "$local_db" "$uri"
grep -q -- "--replace" "$work/last" || fail "the refusal does not name --replace: $(cat "$work/last")"
expect 0 "assessments: 0 added, 0 replaced, 1 unchanged" "$cli" db pull "$uri" "$pulled"
expect 0 "assessments: 0 added, 1 replaced, 0 unchanged" "$cli" db push "$local_db" "$uri" --replace
expect 1 "differs" "$cli" db pull "$uri" "$pulled"
expect 0 "assessments: 0 added, 1 replaced" "$cli" db pull "$uri" "$pulled" --replace
"$cli" answer list --db "$pulled" 1 > "$work/answers.pulled" 2>&1
grep -q "BR2" "$work/answers.pulled" || fail "the replaced copy lacks BR2: $(cat "$work/answers.pulled")"

# Errors.
expect 1 "91110000100000000R" "$cli" db push "$local_db" "$uri" --enterprise 91110000100000000R
expect 2 "is not a server address" "$cli" db push "$local_db" "$work/other.db"
[ -e "$work/other.db" ] && fail "a file was created for a mistyped address"
expect 1 "no such database file" "$cli" db push "$work/missing.db" "$uri"
expect 1 "127.0.0.1" env PGCONNECT_TIMEOUT=5 "$cli" db push "$local_db" "postgresql://ga@127.0.0.1:1/none"
expect 2 "missing" "$cli" db pull "$uri"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "ok"
