#!/usr/bin/env bash
# Package a PyInstaller folder as a .deb and a .tar.gz:  scripts/package.sh VERSION BUNDLE_DIR OUT_DIR
# The .deb installs the folder to /opt/marginalia, a launcher to /usr/bin/marginalia, the desktop entry to
# /usr/share/applications and the icon to /usr/share/icons/hicolor/scalable/apps; `dpkg -r marginalia` removes all.
set -euo pipefail
version="$1"; bundle="$(cd "$2" && pwd)"; out="$(mkdir -p "$3" && cd "$3" && pwd)"
root="$(cd "$(dirname "$0")/.." && pwd)"
arch="$(dpkg --print-architecture 2>/dev/null || uname -m)"
machine="$(uname -m)"
name="marginalia"

rm -f "$out"/"$name"_*.deb "$out"/"$name"-*-linux-*.tar.gz
tarball="$out/$name-$version-linux-$machine.tar.gz"
tar -C "$(dirname "$bundle")" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$(basename "$bundle")"
echo "package: $tarball ($(du -h "$tarball" | cut -f1))" >&2

if ! command -v dpkg-deb >/dev/null; then
  echo "package: dpkg-deb not found, no .deb made" >&2
  exit 0
fi
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$stage/opt/$name"
cat > "$stage/usr/bin/$name" <<'LAUNCHER'
#!/bin/sh
exec /opt/marginalia/marginalia "$@"
LAUNCHER
cp "$root/resources/marginalia.desktop" "$stage/usr/share/applications/$name.desktop"
cp "$root/resources/icons/marginalia.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$name.svg"
chmod -R u=rwX,go=rX "$stage"
chmod 755 "$stage/usr/bin/$name" "$stage/opt/$name/$name"
size_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: $arch
Maintainer: Marginalia developers <marginalia@localhost>
Installed-Size: $size_kb
Depends: libc6 (>= 2.31)
Recommends: libgl1, libegl1, libfontconfig1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libdbus-1-3
Section: science
Priority: optional
Description: Offline workbench for tagging actors, claims and figures in news articles
 Marginalia lets analysts tag actors, claims and figures in news articles with
 spaCy suggestions, and exports Prodigy JSONL, spaCy DocBin, doccano and CSV.
 Self-contained: Python, Qt and the spaCy pipeline are bundled in /opt/marginalia.
CONTROL
# No maintainer scripts: dpkg's triggers (hicolor-icon-theme, desktop-file-utils) refresh the caches, nothing
# is written below /opt/marginalia at run time, and without a postrm `dpkg -r` leaves no package state behind.
deb="$out/${name}_${version}_${arch}.deb"
if ! dpkg-deb -Z"${DEB_COMPRESSION:-xz}" --root-owner-group --build "$stage" "$deb" >/dev/null; then
  echo "package: dpkg-deb cannot compress with ${DEB_COMPRESSION:-xz} here; using gzip" >&2
  dpkg-deb -Zgzip --root-owner-group --build "$stage" "$deb" >/dev/null
fi
echo "package: $deb ($(du -h "$deb" | cut -f1))" >&2
