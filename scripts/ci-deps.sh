#!/bin/bash
# Installs from Debian's apt everything the test suite needs, on a fresh machine or an already
# provisioned one (idempotent; a few seconds when everything is already there). Needs root.
#
#   - libxml2-utils (xmllint), chromium (headless UI tests), fonts with Vietnamese glyphs
#   - LibreOffice 25.2 system-wide from bookworm-backports (/usr/bin/soffice)
#   - LibreOffice 7.4 (bookworm's own) unpacked beside it, never installed:
#       .cache/libreoffice-7.4/root/usr/lib/libreoffice/program/soffice
#     Two versions of the same Debian packages cannot be installed at once, so the 7.4 .debs are
#     fetched with `apt-get download` and extracted with `dpkg -x`; the few paths Debian hard-codes
#     to /etc and /usr/lib/libreoffice are pointed back into the unpacked tree (see unpack_lo74).
#
# Usage: bash scripts/ci-deps.sh      (tests read AIPROV_LO74 / AIPROV_LO252 to override paths)
set -euo pipefail

started=$(date +%s.%N)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lo74_dir="$repo/.cache/libreoffice-7.4"
lo74_soffice="$lo74_dir/root/usr/lib/libreoffice/program/soffice"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[ci-deps] %s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
die() { printf '[ci-deps] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (apt-get install)"

# Packages already installed (any version) are left alone, so a second run installs nothing.
missing_of() {
  [ $# -gt 0 ] || return 0
  local installed
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null |
    awk '/ install ok installed$/ {print $1}' | sort -u)
  printf '%s\n' "$@" | sort -u | comm -23 - <(printf '%s\n' "$installed") | tr '\n' ' '
}

# Debian's bookworm-backports suite (LibreOffice 25.2), added by the project's own script from the
# mirror this machine's apt already uses (no host is written in either file); it runs apt-get update.
add_backports() {
  bash "$repo/scripts/apt-add-backports.sh"
}

t=$(date +%s.%N)
add_backports
log "apt-get update: $(elapsed "$t") s"

# --- which LibreOffice 7.4 packages get unpacked (below), and what they link against -----------
# The minimal set for headless Writer import/export: core + writer + their UNO runtime.
# (No style/icon theme: nothing is drawn. fonts-opensymbol comes with the system 25.2.)
lo74_pkgs=(libreoffice-writer-nogui libreoffice-core-nogui libreoffice-base-core libreoffice-common
  ure uno-libs-private libuno-sal3 libuno-salhelpergcc3-3 libuno-cppu3 libuno-cppuhelpergcc3-3
  libuno-purpenvhelpergcc3-3)
lo74_version=$(apt-cache madison libreoffice-core-nogui | awk -F'|' '$2 ~ /4:7\.4\./ && !n++ {gsub(/ /, "", $2); print $2}')
[ -n "$lo74_version" ] || die "bookworm's LibreOffice 7.4 (libreoffice-core-nogui 4:7.4.*) is not in the apt lists"
# Third-party libraries of 7.4 (e.g. liborcus-0.17-0, which 25.2 does not use): the Depends of the
# 7.4 packages less LibreOffice's own (unpacked, or present as 25.2), installed from bookworm.
# Reading Depends keeps this right when Debian changes the list.
lo74_third_party_deps() {
  apt-cache show "${lo74_pkgs[@]/%/=$lo74_version}" | awk -F': ' '/^(Pre-)?Depends:/ {print $2}' |
    tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/|.*//' -e 's/[[:space:]]//g' -e 's/:any$//' |
    grep -vE '^$|^(libreoffice-|ure$|uno-libs-private$|libuno-|fonts-opensymbol$)' | sort -u
}

# --- plain tools, fonts, and the libraries LibreOffice 7.4 links against: one apt run -----------
# DejaVu and Liberation 2 carry the Vietnamese letters (ắ, ệ, ữ ...); Liberation 2 also gives
# Times New Roman / Arial metrics. (Liberation 1.x, package fonts-liberation, has no Vietnamese.)
base_pkgs=(libxml2-utils chromium fonts-dejavu-core fonts-liberation2)
# shellcheck disable=SC2046
todo=$(missing_of "${base_pkgs[@]}" $(lo74_third_party_deps))
if [ -n "$todo" ]; then
  t=$(date +%s.%N)
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $todo > /dev/null
  log "installed ${todo}in $(elapsed "$t") s"
fi

# --- LibreOffice 25.2, system-wide from backports ----------------------------------------------
lo252_version=$(dpkg-query -W -f='${Version}' libreoffice-writer-nogui 2>/dev/null || true)
case "$lo252_version" in
  4:25.2.*) ;;
  *)
    t=$(date +%s.%N)
    apt-get install -y -qq --no-install-recommends -t bookworm-backports libreoffice-writer-nogui > /dev/null
    log "installed LibreOffice 25.2 (libreoffice-writer-nogui from bookworm-backports) in $(elapsed "$t") s"
    ;;
esac

# --- LibreOffice 7.4, unpacked into .cache ---------------------------------------------------
stamp="$lo74_dir/.installed"

unpack_lo74() {
  local t debs root
  t=$(date +%s.%N)
  rm -rf "$lo74_dir"
  debs="$lo74_dir/debs"
  root="$lo74_dir/root"
  mkdir -p "$debs" "$root"
  chown _apt "$debs" 2>/dev/null || true # lets apt fetch without its "unsandboxed" warning
  (cd "$debs" && apt-get download -qq "${lo74_pkgs[@]/%/=$lo74_version}")
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$root"; done

  # Debian's maintainer scripts copy the configuration (.xcd) into /etc/libreoffice/registry;
  # do the same inside the tree instead of touching the system's (25.2) copy.
  mkdir -p "$root/etc/libreoffice/registry"
  cp -r "$root/usr/lib/libreoffice/share/.registry/." "$root/etc/libreoffice/registry/"
  # Absolute symlinks (share/registry -> /etc/libreoffice/registry, ...) would reach 25.2's files.
  local link target
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    mkdir -p "$(dirname "$root$target")"
    ln -sfnr "$root$target" "$link"
  done < <(find "$root" -type l -lname '/*' -print0)
  # Debian's bootstrap files name /usr/lib/libreoffice and /etc/libreoffice outright; make them
  # relative to the program/ folder as upstream does.
  local program="$root/usr/lib/libreoffice/program"
  sed -i -e 's#^BRAND_BASE_DIR=.*#BRAND_BASE_DIR=${ORIGIN}/..#' \
    -e 's#file:///etc/libreoffice/registry#${BRAND_BASE_DIR}/share/registry#g' "$program/fundamentalrc"
  cp "$root/etc/libreoffice/sofficerc" "$program/sofficerc" # instead of its FHS_CONFIG_FILE=/etc/...
  rm -rf "$debs"

  log "unpacked LibreOffice $lo74_version into $root in $(elapsed "$t") s"
}

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lo74_version" ] || [ ! -x "$lo74_soffice" ]; then
  unpack_lo74
  missing_libs=$(find "$(dirname "$lo74_soffice")" -maxdepth 1 \( -name '*.so' -o -name 'soffice.bin' \) \
    -exec ldd {} + 2>/dev/null | awk '/=> not found/ {print $1}' | sort -u | tr '\n' ' ')
  [ -z "$missing_libs" ] || die "LibreOffice 7.4 cannot load: $missing_libs"
  echo "$lo74_version" > "$stamp"
fi

# --- check both really convert, and time one round trip each ------------------------------------
lo252_soffice=/usr/lib/libreoffice/program/soffice
check_dir=$(mktemp -d /tmp/aiprov-ci-deps.XXXXXX)
trap 'rm -rf "$check_dir"' EXIT
printf 'Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n' > "$check_dir/check.txt"
for name in lo74 lo252; do
  bin_var="${name}_soffice"
  bin=${!bin_var}
  version=$("$bin" --version 2>/dev/null | awk 'NR == 1 {print $2}')
  t=$(date +%s.%N)
  # First convert: text -> docx (fills a fresh profile); second: docx -> docx, the tests' round trip.
  "$bin" --headless --norestore "-env:UserInstallation=file://$check_dir/profile-$name" \
    --convert-to docx --outdir "$check_dir/$name-1" "$check_dir/check.txt" > /dev/null 2>&1 || true
  first=$(elapsed "$t")
  t=$(date +%s.%N)
  "$bin" --headless --norestore "-env:UserInstallation=file://$check_dir/profile-$name" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$check_dir/$name-2" "$check_dir/$name-1/check.docx" > /dev/null 2>&1 || true
  second=$(elapsed "$t")
  [ -s "$check_dir/$name-2/check.docx" ] || die "LibreOffice $version at $bin did not produce a docx"
  log "LibreOffice $version: $bin (new profile + txt->docx ${first} s; docx->docx ${second} s)"
done

log "done in $(elapsed "$started") s"
