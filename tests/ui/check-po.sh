#!/bin/sh
# check-po.sh SOURCE_ROOT FILE.po: every message of the sources listed in
# po/POTFILES.in is translated in FILE.po (none untranslated, none fuzzy),
# and the catalogue passes msgfmt --check.
set -eu
root=$1
po=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same extraction as i18n.gettext(preset: 'glib').
cd "$root"
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --files-from="$tmp/files" --directory="$root" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --package-name=greenassess -o "$tmp/greenassess.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/greenassess.pot"

stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "$po: incomplete translation; untranslated messages:" >&2
    msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' >&2 || true
    exit 1 ;;
esac
msgfmt --check --statistics -o /dev/null "$po"
