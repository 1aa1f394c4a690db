#!/usr/bin/env bash
# Installs the Debian packages InfraLab needs (installer/debian-packages.txt), only those
# that are missing. Safe to run again: with everything present it only checks and says so.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="$here/debian-packages.txt"

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    echo "deps: this is not a Debian-like system (no dpkg-query/apt-get)." >&2
    echo "deps: make sure the equivalents of these are installed: ${wanted[*]}" >&2
    exit 0
fi

missing=()
for package in "${wanted[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)"
    [[ "$status" == ii* ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "deps: all ${#wanted[@]} Debian packages are installed."
    exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "deps: missing packages: ${missing[*]}" >&2
        echo "deps: run as root or install sudo, then try again." >&2
        exit 1
    fi
    sudo=(sudo)
fi

echo "deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deps: done."
