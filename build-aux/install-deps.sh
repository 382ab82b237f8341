#!/usr/bin/env bash
# Installs everything GreenAssess needs to build, run and test on Debian 12.
# Safe to run again; needs root (or sudo).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libjson-glib-dev libsqlite3-dev libxlsxwriter-dev
  libgtk-4-dev libadwaita-1-dev
  # desktop integration checks
  desktop-file-utils appstream-util appstream libgtk-4-bin
  # headless UI tests and screenshots
  xvfb xauth dbus at-spi2-core fonts-wqy-zenhei fonts-dejavu-core imagemagick
  python3-gi gir1.2-atspi-2.0 python3-pyatspi
  # export checks: recalculation by a real spreadsheet, read-back
  libreoffice-calc-nogui python3-openpyxl unzip
  # the report writers (assessment/report): Pango and cairo lay out and draw
  # the PDF, libgsf writes the DOCX's zip package
  libpango1.0-dev libcairo2-dev libgsf-1-dev
  # ledger import: libxml2 reads the XLSX parts libgsf unpacks
  libxml2-dev
  # the merged PDF (report followed by its evidence): poppler-glib draws the
  # pages of attached PDFs into the report's cairo surface, GdkPixbuf reads
  # attached images
  libpoppler-glib-dev libgdk-pixbuf-2.0-dev
  # report checks: the PDF read back (pdftotext, pdfinfo, pdffonts) and the
  # DOCX converted to PDF by LibreOffice Writer
  poppler-utils libreoffice-writer-nogui
  # command-line sqlite for store checks
  sqlite3
  # the team server: libpq for the store's PostgreSQL backend, and the
  # PostgreSQL 15 server programs (initdb, pg_ctl) that tests/pg/pg-cluster.sh
  # runs a throwaway cluster with; the tests that need them are skipped
  # without them
  libpq-dev postgresql
  # Flatpak manifest check (flatpak-builder --show-manifest)
  flatpak flatpak-builder
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
