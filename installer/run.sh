#!/usr/bin/env bash
# Installs what is missing, builds InfraLab (Release) and opens it on the bundled
# three-tier example. Run it from anywhere; extra arguments go to infralab instead of the
# example, e.g. `installer/run.sh validate resources/examples/*.json`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

installer/deps.sh

build="build/release"
# Configure once; afterwards ninja re-runs CMake by itself when a CMakeLists.txt changes.
if [[ ! -f "$build/build.ninja" || CMakePresets.json -nt "$build/CMakeCache.txt" ]]; then
    cmake --preset release
fi
nice cmake --build --preset release

infralab="$root/$build/app/infralab"
if [[ $# -gt 0 ]]; then
    exec "$infralab" "$@"
fi

example="$root/resources/examples/three-tier.infralab.json"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    # No window possible. Show the headless path working on the same example; infralab
    # itself then explains the alternatives and exits 1.
    echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open."
    echo "run.sh: the headless check instead: infralab validate $example"
    "$infralab" validate "$example" && echo "run.sh: the example is valid."
    echo "run.sh: on a machine without a desktop, 'xvfb-run -a installer/run.sh' opens the window"
    echo "run.sh: on a virtual X server."
    echo
    exec "$infralab" "$example"
fi
echo "run.sh: opening $example"
exec "$infralab" "$example"
