#!/usr/bin/env bash
# Refreshes the translation sources from the code: every tr() string in core/, widgets/ and
# app/ lands in translations/infralab_<lang>.ts. Without locations and without obsolete
# entries the files stay stable and diff well; tests/unit/tst_translations.cpp runs this
# same script on a copy and fails when the committed files are stale or unfinished.
#
# Usage: translations/update.sh [TS_FILE...]   (default: translations/infralab_*.ts)
# LUPDATE overrides the lupdate binary (default: /usr/lib/qt6/bin/lupdate).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lupdate="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"

if [[ ! -x "$lupdate" ]]; then
    echo "update.sh: lupdate not found at $lupdate (Debian: apt-get install qt6-l10n-tools)" >&2
    exit 1
fi

ts_files=()
for ts in "$@"; do
    ts_files+=("$(cd "$(dirname "$ts")" && pwd)/$(basename "$ts")")
done
if [[ ${#ts_files[@]} -eq 0 ]]; then
    ts_files=("$root"/translations/infralab_*.ts)
fi

cd "$root"
"$lupdate" -silent -locations none -no-obsolete -extensions cpp,h core widgets app -ts "${ts_files[@]}"
