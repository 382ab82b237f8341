#!/usr/bin/env bash
# Installs dependencies, builds GreenAssess in build/ and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh

if [ ! -f build/build.ninja ]; then
  meson setup build
else
  meson setup --reconfigure build >/dev/null
fi
meson compile -C build
meson test -C build --print-errorlogs "$@"
