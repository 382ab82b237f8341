#!/bin/sh
# check-guides.sh SOURCE_ROOT: every translation of the user guide
# (docs/user-guide.LANG.md) keeps the chapters of docs/user-guide.md, so the
# Help window's chapter list is the same in every language: the same
# headings at the same levels, in the same order (the sequence of "#" marks
# outside code blocks), and the same code blocks (commands and messages are
# not translated). Each is compiled into the resources, where the Help
# window looks for it.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The heading levels, one a line ("##"), outside ``` blocks.
outline () {
  awk '/^```/ { code = !code; next } !code && /^#/ { match($0, /^#+/); print substr($0, 1, RLENGTH) }' "$1"
}
# The lines inside ``` blocks.
code_blocks () {
  awk '/^```/ { code = !code; print "```"; next } code { print }' "$1"
}

english="$root/docs/user-guide.md"
outline "$english" > "$tmp/en.outline"
code_blocks "$english" > "$tmp/en.code"
chapters=$(grep -c '^##$' "$tmp/en.outline")
found=0
status=0
for guide in "$root"/docs/user-guide.*.md; do
  [ -e "$guide" ] || continue
  found=$((found + 1))
  name=${guide#"$root"/}
  outline "$guide" > "$tmp/outline"
  code_blocks "$guide" > "$tmp/code"
  if ! cmp -s "$tmp/en.outline" "$tmp/outline"; then
    echo "$name: its headings differ from docs/user-guide.md ($(grep -c '^##$' "$tmp/outline")" \
         "chapters (##) against $chapters). Give it the same chapters and sections, in the" \
         "same order and at the same levels (first difference: line of the outline below)." >&2
    diff "$tmp/en.outline" "$tmp/outline" | head -5 >&2 || true
    status=1
  fi
  alias="help/${guide##*/}"
  if ! grep -q "alias=\"$alias\"" "$root/resources/greenassess.gresource.xml"; then
    echo "$name is not in resources/greenassess.gresource.xml: add" \
         "<file alias=\"$alias\">../$name</file> beside help/user-guide.md" >&2
    status=1
  fi
  if ! cmp -s "$tmp/en.code" "$tmp/code"; then
    echo "$name: its code blocks differ from docs/user-guide.md; commands and the messages" \
         "they print stay as they are in every language:" >&2
    diff "$tmp/en.code" "$tmp/code" | head -10 >&2 || true
    status=1
  fi
done
if [ "$found" -eq 0 ]; then
  echo "no translated user guide (docs/user-guide.LANG.md) in $root/docs" >&2
  exit 1
fi
[ "$status" -eq 0 ] && echo "$found translated guide(s), $chapters chapters each, headings and code blocks as in docs/user-guide.md"
exit "$status"
