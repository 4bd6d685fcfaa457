#!/usr/bin/env bash
# Build the one-folder app with build_installer.spec and run it on a fresh database:
# `--version`, `store list`, and the window drawn offscreen (`screenshots`). Linux only
# (CI's smoke test of the Windows build); prints how long the build took.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
OUT=build/pyi
rm -rf "$OUT"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT/dist" \
    --workpath "$OUT/work" build_installer.spec
echo "installer-smoke: PyInstaller build took $(( $(date +%s) - start )) s"

APP="$OUT/dist/ecdesk"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export ECDESK_HOME="$home" ECDESK_KEYRING_FILE="$home/keyring.json"
export PYTHON_KEYRING_BACKEND=ecdesk.secrets.FileKeyring QT_QPA_PLATFORM=offscreen
unset ECDESK_DB

"$APP/ecdesk-cli" --version
"$APP/ecdesk" --version
"$APP/ecdesk-cli" store list
test -f "$home/ecdesk.sqlite"  # the migrations ran inside the bundle
# the window's sync runs in the console twin as a child (`run-job`, services/child_runs.py)
echo "{\"db\": \"sqlite:///$home/ecdesk.sqlite\", \"op\": \"sync\", \"kwargs\": {}}" |
    "$APP/ecdesk-cli" run-job | grep -q '^@ecdesk {"result"'
"$APP/ecdesk-cli" screenshots --out "$home/shots" >/dev/null 2>&1
test -f "$home/shots/main-window.png"
echo "installer-smoke: the built app ran --version, store list, a sync as the window's child and drew its window"
