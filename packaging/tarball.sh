#!/usr/bin/env bash
# The portable archive for Linux systems without dpkg: the game, its case library beside it
# (where it looks first after the working folder), the desktop entry and icon, and the
# licences. usage: packaging/tarball.sh BINARY OUT_DIR  (BINARY: target/release/hold-the-line)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"
out="$2"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name="hold-the-line-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/scenarios/shifts" "$stage/$name/licences"
cp "$binary" "$stage/$name/hold-the-line"
strip "$stage/$name/hold-the-line" 2>/dev/null || true
cp scenarios/*.ron "$stage/$name/scenarios/"
cp scenarios/shifts/*.ron "$stage/$name/scenarios/shifts/"
cp packaging/hold-the-line.desktop assets/icon.png README.md "$stage/$name/"
cp LICENSE-MIT LICENSE-APACHE "$stage/$name/licences/"
cp assets/fonts/OFL.txt "$stage/$name/licences/fonts-OFL.txt"
cp assets/fonts/COPYRIGHT-debian.txt "$stage/$name/licences/fonts-copyright-debian.txt"
mkdir -p "$out"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
