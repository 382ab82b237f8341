#!/usr/bin/env bash
# Installs dependencies, builds GreenAssess in build/ and starts it on a
# local demo database (build/demo/greenassess.db).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh

if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build

if [ -x build/app/greenassess ]; then
  mkdir -p build/demo
  exec build/app/greenassess --demo --db build/demo/greenassess.db "$@"
else
  echo "The GUI is not built yet; showing the command-line tool instead:" >&2
  exec build/app/greenassess-cli templates
fi
