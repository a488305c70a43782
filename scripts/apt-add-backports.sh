#!/bin/bash
# Adds Debian's <release>-backports suite (LibreOffice 25.2 for bookworm) from the mirror this machine's
# apt already uses, then runs apt-get update. No host is written in this file: the mirror's URI, the
# release name and the signing key are all read from the apt sources already configured.
# Needs root. Safe to run twice (does nothing more when a backports suite is already listed).
#
#   bash scripts/apt-add-backports.sh && apt-get install -y -t bookworm-backports libreoffice-writer-nogui
#
# Reads deb822 sources (/etc/apt/sources.list.d/*.sources) and one-line ones (sources.list, *.list).
set -euo pipefail

out=/etc/apt/sources.list.d/aiprov-backports.sources
shopt -s nullglob

# The first Debian main-archive entry (not -security / -updates / -backports) as "URI SUITE KEY".
debian_entry() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    awk '
      function flush() { if (uri != "" && suite != "" && !done) { print uri, suite, (key == "" ? "-" : key); done = 1 } uri = ""; suite = ""; key = "" }
      /^[[:space:]]*$/ { flush(); next }
      /^#/ { next }
      /^Types:/ && $0 !~ /[[:space:]]deb([[:space:]]|$)/ { skip = 1 }
      /^Types:/ && $0 ~ /[[:space:]]deb([[:space:]]|$)/ { skip = 0 }
      /^URIs:/ && !skip { if ($2 !~ /security/) uri = $2 }
      /^Suites:/ && !skip { for (i = 2; i <= NF; i++) if ($i !~ /-/) { suite = $i; break } }
      /^Signed-By:/ && !skip { key = $2 }
      END { flush() }
    ' "$file"
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    # deb [signed-by=KEY] URI SUITE COMPONENTS...
    awk '
      $1 == "deb" {
        key = "-"; n = 2
        if ($2 ~ /^\[/) { for (; n <= NF; n++) { if ($n ~ /signed-by=/) { key = $n; sub(/.*signed-by=/, "", key); sub(/\].*/, "", key) } if ($n ~ /\]$/) { n++; break } } }
        if ($n !~ /security/ && $(n + 1) !~ /-/) { print $n, $(n + 1), key; exit }
      }
    ' "$file"
  done
}

already_listed() {
  grep -rqsE '(^Suites:.*|^deb .*)[[:space:]][a-z]+-backports([[:space:]]|$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}

if ! already_listed; then
  read -r uri suite key < <(debian_entry | head -n 1) || true
  [ -n "${uri:-}" ] && [ -n "${suite:-}" ] || { echo "apt-add-backports: no Debian mirror found in the apt sources" >&2; exit 1; }
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s-backports\nComponents: main\n' "$uri" "$suite"
    [ "$key" = "-" ] || printf 'Signed-By: %s\n' "$key"
  } > "$out"
  echo "apt-add-backports: added $suite-backports from the mirror already in use ($out)"
fi
apt-get update -qq
