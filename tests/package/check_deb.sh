#!/usr/bin/env bash
# Builds the Debian package of a configured and built tree into a temporary folder and
# checks it the way a distribution would: files in place, control fields right, the
# .desktop and AppStream files valid, and the packaged binary runs.
#
# Usage: check_deb.sh BUILD_DIR [CPACK] [VERSION]     Exit 77 (skip) without dpkg-deb.
set -uo pipefail

build="${1:?usage: check_deb.sh BUILD_DIR [CPACK] [VERSION]}"
cpack="${2:-cpack}"
version="${3:-}"

if ! command -v dpkg-deb >/dev/null; then
    echo "SKIP: dpkg-deb is not installed"
    exit 77
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

failures=0
check() { # check DESCRIPTION COMMAND...
    local what="$1"
    shift
    if "$@"; then
        echo "ok    $what"
    else
        echo "FAIL  $what"
        failures=$((failures + 1))
    fi
}

if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL  cpack -G DEB"
    exit 1
fi
shopt -s nullglob
debs=("$tmp"/out/*.deb)
if [[ ${#debs[@]} -ne 1 ]]; then
    cat "$tmp/cpack.log"
    echo "FAIL  expected one .deb in $tmp/out, found ${#debs[@]}"
    exit 1
fi
deb="${debs[0]}"
echo "built $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/files"
has_file() { grep -qx -- "$1" "$tmp/files"; }
for file in \
    /usr/bin/infralab \
    /usr/share/applications/org.infralab.InfraLab.desktop \
    /usr/share/metainfo/org.infralab.InfraLab.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/infralab.svg \
    /usr/share/infralab/examples/three-tier.infralab.json \
    /usr/share/infralab/examples/static-site.infralab.json \
    /usr/share/infralab/examples/api-gateway.infralab.json; do
    check "contains $file" has_file "$file"
done
check "nothing outside /usr" bash -c "! grep -v '^/usr/' '$tmp/files' | grep -qv '^/$'"
check "no test executables" bash -c "! grep -q '/tst_' '$tmp/files'"

field() { dpkg-deb -f "$deb" "$1"; }
field_is() { [[ "$(field "$1")" == "$2" ]] || { echo "      $1: '$(field "$1")', expected '$2'"; return 1; }; }
field_has() { [[ "$(field "$1")" == *"$2"* ]] || { echo "      $1: '$(field "$1")' lacks '$2'"; return 1; }; }
check "Package: infralab" field_is Package infralab
[[ -n "$version" ]] && check "Version: $version" field_is Version "$version"
check "Architecture: $(dpkg --print-architecture)" field_is Architecture "$(dpkg --print-architecture)"
check "Maintainer set" field_has Maintainer "@"
check "Section: net" field_is Section net
check "Description names the lab" field_has Description "lab for web infrastructure"
for dependency in libqt6core6 libqt6gui6 libqt6widgets6 qt6-qpa-plugins libqt6svg6 libqt6sql6-sqlite libc6; do
    check "Depends on $dependency" field_has Depends "$dependency"
done

dpkg-deb -x "$deb" "$tmp/root"
root="$tmp/root"
if command -v desktop-file-validate >/dev/null; then
    check "desktop-file-validate" desktop-file-validate "$root/usr/share/applications/org.infralab.InfraLab.desktop"
else
    echo "skip  desktop-file-validate (desktop-file-utils not installed)"
fi
if command -v appstreamcli >/dev/null; then
    check "appstreamcli validate" appstreamcli validate --no-net \
        "$root/usr/share/metainfo/org.infralab.InfraLab.metainfo.xml"
else
    echo "skip  appstreamcli validate (appstream not installed)"
fi
check "desktop Icon= names the installed icon" \
    grep -qx 'Icon=infralab' "$root/usr/share/applications/org.infralab.InfraLab.desktop"

check "packaged binary is stripped" bash -c "file '$root/usr/bin/infralab' | grep -q 'stripped' && ! file '$root/usr/bin/infralab' | grep -q 'not stripped'"
expected_version="infralab ${version:-}"
check "packaged binary answers --version" bash -c "[[ \"\$('$root/usr/bin/infralab' --version)\" == '$expected_version'* ]]"
check "packaged examples validate" "$root/usr/bin/infralab" validate "$root"/usr/share/infralab/examples/*.infralab.json

if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed; contents:"
    cat "$tmp/files"
    dpkg-deb -I "$deb"
    exit 1
fi
echo "all package checks passed"
