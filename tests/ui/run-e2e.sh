#!/bin/sh
# run-e2e.sh PYTHON E2E.PY APP DIR: runs the AT-SPI test in a session bus of
# its own. TAP is written to the original stdout through descriptor 3;
# everything else (the bus and registry daemons talk) goes to stderr.
set -eu
exec 3>&1
exec dbus-run-session -- "$1" "$2" "$3" "$4" --tap-fd 3 1>&2
