#!/bin/sh
# check-install.sh MESON BUILD_DIR BINDIR DATADIR: `meson install` gives a
# working application. Installs the build into a temporary DESTDIR and
# checks, with the environment pointing only there:
#   - the executables run (greenassess --version, greenassess-cli templates);
#   - the settings schema compiles and holds the application's keys;
#   - the desktop file and the AppStream metainfo validate, the icons and
#     the Chinese catalogue are installed;
#   - the application starts on a new database, draws its first frame
#     (logged with G_MESSAGES_DEBUG), quits on SIGTERM with status 0, and
#     leaves a database that passes `greenassess-cli db check`.
# Run under xvfb-run (tests/ui/meson.build does). Prints TAP.
set -u
meson=$1
build=$2
bindir=$3     # absolute, e.g. /usr/local/bin
datadir=$4    # absolute, e.g. /usr/local/share

app_id=io.github.greenassess.GreenAssess
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ga-install-XXXXXX")
app_pid=
cleanup () {
  if [ -n "$app_pid" ]; then kill -KILL "$app_pid" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
  if [ -s "$tmp/out" ]; then sed 's/^/# /' "$tmp/out"; fi
}
check () {
  what=$1; shift
  if "$@" > "$tmp/out" 2>&1; then ok "$what"; else not_ok "$what"; fi
}

root=$tmp/root
bin=$root$bindir
share=$root$datadir

echo "1..13"

# 1. Install.
check "meson install --destdir" \
  "$meson" install -C "$build" --destdir "$root" --no-rebuild --quiet

# Only the installed files: no build-tree schema, catalogue or data.
export XDG_DATA_DIRS="$share:/usr/share"
export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
export XDG_CACHE_HOME="$tmp/home/cache" HOME="$tmp/home"
export GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas"
export GSETTINGS_BACKEND=memory
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

# 2. The schema (meson's post-install step skips this under DESTDIR).
check "glib-compile-schemas on the installed schema" \
  glib-compile-schemas --strict "$GSETTINGS_SCHEMA_DIR"
check "the installed schema has the application's keys" \
  sh -c "gsettings --schemadir '$GSETTINGS_SCHEMA_DIR' list-keys $app_id | grep -qx author-name"

# 3. The executables.
check "greenassess --version" \
  sh -c "'$bin/greenassess' --version | grep -q '^greenassess [0-9]'"
check "greenassess-cli templates lists the bundled templates" \
  sh -c "'$bin/greenassess-cli' templates | grep -q '^gbt36132-2025 '"

# 4. Desktop integration.
check "desktop file validates" \
  desktop-file-validate "$share/applications/$app_id.desktop"
if command -v appstreamcli > /dev/null; then
  check "metainfo validates" appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
else
  check "metainfo validates" appstream-util validate-relax --nonet \
    "$share/metainfo/$app_id.metainfo.xml"
fi
check "icons installed" test -s "$share/icons/hicolor/scalable/apps/$app_id.svg" \
  -a -s "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "Chinese catalogue installed" test -s "$share/locale/zh_CN/LC_MESSAGES/greenassess.mo"
check "desktop file starts the installed executable" \
  sh -c "grep -q '^Exec=greenassess' '$share/applications/$app_id.desktop' && test -x '$bin/greenassess'"

# 5. A real start on a new database: wait for the first frame (at most
# 60 s: the machine may be busy), then quit as a session logout does.
db=$tmp/t.db
log=$tmp/app.log
G_MESSAGES_DEBUG=GreenAssess GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none \
  "$bin/greenassess" --db "$db" > "$log" 2>&1 &
app_pid=$!
framed=no
i=0
while [ $i -lt 600 ]; do
  if grep -q "First frame drawn" "$log"; then framed=yes; break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then break; fi
  sleep 0.1
  i=$((i + 1))
done
if [ $framed = yes ]; then
  kill -TERM "$app_pid"
  wait "$app_pid"
  status=$?
else
  kill -KILL "$app_pid" 2>/dev/null
  wait "$app_pid" 2>/dev/null
  status=none
fi
app_pid=
cp "$log" "$tmp/out"
if [ $framed = yes ]; then ok "the installed application draws its first frame"; else
  not_ok "the installed application draws its first frame"; fi
if [ "$status" = 0 ]; then ok "SIGTERM quits it with status 0"; else
  echo "exit status: $status" > "$tmp/out"; not_ok "SIGTERM quits it with status 0"; fi
check "its new database passes db check" "$bin/greenassess-cli" db check --db "$db"

[ $failed -eq 0 ]
