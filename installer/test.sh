#!/usr/bin/env bash
# Installs what is missing, builds the test configuration (warnings are errors) and runs
# the whole test suite headless (QT_QPA_PLATFORM=offscreen), fuzz and bench excluded.
# Exits non-zero when anything fails. A re-run with nothing changed rebuilds nothing.
# Extra arguments go to ctest, e.g. `installer/test.sh -L unit` or `-R tst_cli`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS

installer/deps.sh

build="build/test"
# Configure once; afterwards ninja re-runs CMake by itself when a CMakeLists.txt changes.
if [[ ! -f "$build/build.ninja" || CMakePresets.json -nt "$build/CMakeCache.txt" ]]; then
    cmake --preset test
fi
nice cmake --build --preset test

# The test preset sets QT_QPA_PLATFORM=offscreen, -j2, a 300 s timeout per test and
# excludes the fuzz and bench labels; ctest prints the summary.
status=0
ctest --preset test "$@" || status=$?

echo
if [[ $status -eq 0 ]]; then
    echo "test.sh: all tests passed ($((SECONDS - started)) s)."
else
    echo "test.sh: FAILED, see above ($((SECONDS - started)) s)."
fi
exit $status
