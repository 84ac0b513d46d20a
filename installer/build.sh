#!/usr/bin/env bash
# Build the one-folder bundle installer/dist/dutydesk/ and smoke-test it.
#
#   installer/build.sh [--venv DIR] [--postgres] [--no-install]
#
#   --venv DIR     build in the virtualenv DIR (created if missing); default: the current
#                  python (${PYTHON:-python3}, e.g. an activated venv)
#   --postgres     also install and bundle PostgreSQL support (the postgres extra)
#   --no-install   do not run pip (the environment already has '.[installer]')
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

venv=""
extras="installer"
install=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --venv) venv="${2:?--venv needs a folder}"; shift 2 ;;
        --postgres) extras="installer,postgres"; shift ;;
        --no-install) install=0; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

if [[ -n "$venv" ]]; then
    [[ -x "$venv/bin/python" ]] || "${PYTHON:-python3}" -m venv "$venv"
    py="$venv/bin/python"
else
    py="${PYTHON:-python3}"
fi
echo "== python: $("$py" -c 'import sys; print(sys.executable, sys.version.split()[0])')"

if [[ "$install" == 1 ]]; then
    # Keep an editable (developer) install editable; otherwise install the project normally.
    editable="$("$py" - <<'PY'
import json
from importlib import metadata
try:
    info = json.loads(metadata.distribution("dutydesk").read_text("direct_url.json") or "{}")
except metadata.PackageNotFoundError:
    info = {}
print("-e" if info.get("dir_info", {}).get("editable") else "")
PY
)"
    echo "== pip install ${editable:+$editable }.[$extras]"
    "$py" -m pip install --quiet $editable ".[$extras]"
fi

echo "== pyinstaller"
start=$SECONDS
"$py" -m PyInstaller --noconfirm --clean installer/dutydesk.spec \
    --distpath installer/dist --workpath installer/build
echo "== built in $((SECONDS - start)) s: $(du -sh installer/dist/dutydesk | cut -f1) in installer/dist/dutydesk"

echo "== smoke test"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bundle="installer/dist/dutydesk/dutydesk"
# A scrubbed environment: nothing from the build's Python may leak into the bundle's run.
run() { env -i HOME="$tmp" PATH=/usr/bin:/bin LANG=C.UTF-8 DUTYDESK_HOME="$tmp/home" "$bundle" "$@"; }
run --db "$tmp/demo.db" demo
run --db "$tmp/demo.db" check
echo "== ok: installer/dist/dutydesk/dutydesk"
