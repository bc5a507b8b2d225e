#!/bin/sh
# Makes sure the programs the tests run are installed, before `npm test` (its pretest step) and in
# .ci/run. The tests open the DOCX in LibreOffice, read the PDFs with poppler-utils, and need
# LibreOffice to draw Times New Roman with Liberation Serif 2 (Liberation 1.x lacks Vietnamese).
#
# On Debian or Ubuntu, what is missing is installed with apt-get when this runs as root or with
# password-less sudo. Anywhere else, or without those rights, it stops at once and names the
# packages to install. KET_LUAN_NO_INSTALL=1 only checks and reports.
#
# The tests find soffice at $SOFFICE_PATH (default /usr/bin/soffice) and poppler's tools in
# $POPPLER_DIR (default /usr/bin); so does this check.
set -eu

soffice=${SOFFICE_PATH:-/usr/bin/soffice}
poppler=${POPPLER_DIR:-/usr/bin}

# Debian package, then what is missing without it.
missing_packages=''
missing_what=''
need() {
  case " $missing_packages " in *" $1 "*) ;; *) missing_packages="${missing_packages:+$missing_packages }$1" ;; esac
  missing_what="$missing_what
  - $2 (Debian/Ubuntu package $1)"
}

[ -x "$soffice" ] || need libreoffice-writer "LibreOffice Writer: $soffice"
for tool in pdftotext pdffonts pdfinfo; do
  [ -x "$poppler/$tool" ] || need poppler-utils "poppler's $tool: $poppler/$tool"
done
# Where fontconfig is the font system (Linux), LibreOffice takes its fonts from it; elsewhere
# LibreOffice brings Liberation Serif 2 with it.
if command -v fc-list >/dev/null 2>&1; then
  if [ -z "$(fc-list ':family=Liberation Serif:lang=vi' file 2>/dev/null)" ]; then
    need fonts-liberation2 'Liberation Serif 2 with its Vietnamese letters, for LibreOffice'
  fi
fi

[ -z "$missing_packages" ] && exit 0

stop() {
  cat >&2 <<EOF
The tests need programs that are not installed:$missing_what

$1
EOF
  exit 1
}

if ! command -v apt-get >/dev/null 2>&1; then
  stop "Install them with your system's packages, e.g. on Fedora: dnf install libreoffice-writer poppler-utils liberation-serif-fonts;
on macOS: brew install poppler and brew install --cask libreoffice (then set SOFFICE_PATH and POPPLER_DIR).
On Debian or Ubuntu: apt-get install --no-install-recommends $missing_packages"
fi

if [ "${KET_LUAN_NO_INSTALL:-}" = 1 ]; then
  stop "Install them with: sudo apt-get install --no-install-recommends $missing_packages"
fi

if [ "$(id -u)" = 0 ]; then
  as_root=''
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root='sudo'
else
  stop "Installing them needs root. Run: sudo apt-get install --no-install-recommends $missing_packages"
fi

echo "Installing what the tests need: $missing_packages" >&2
# shellcheck disable=SC2086 # the package list is meant to split into words
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing_packages
# What apt-get installed must now be found where the tests look.
KET_LUAN_NO_INSTALL=1 exec sh "$0"
