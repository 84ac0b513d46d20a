#!/usr/bin/env bash
# Linux builds of DutyDesk, each ending in a smoke test of what it built (installer/smoke.sh).
#
#   installer/build.sh [--venv DIR] [--postgres] [--no-install] [--no-smoke] [--deb]
#   installer/build.sh --wheelhouse [--platform linux-x86_64|linux-aarch64|win-amd64] [--no-smoke]
#
#   (default)      the one-folder bundle installer/dist/dutydesk/ (PyInstaller)
#   --deb          the bundle, then the UOS/Kylin .deb made from it (installer/linux/make-deb.sh),
#                  unpacked with dpkg -x into a temporary root and smoke-tested there. Built on
#                  this machine's glibc: for a release use installer/linux/build-bullseye.sh.
#   --wheelhouse   every wheel an offline install needs, for --platform (default: this machine's),
#                  into installer/dist/wheelhouse-PLATFORM/; for this machine's platform, then
#                  'pip install --no-index --find-links' it into a fresh venv with no index and
#                  no pip configuration, and smoke-test that; for another platform, resolve
#                  dutydesk[postgres] for it from the wheelhouse alone (uv, --no-index)
#   --venv DIR     build in the virtualenv DIR (created if missing) from the locked requirements
#                  (installer/requirements-build.lock, --require-hashes); default: the current
#                  python (${PYTHON:-python3}, e.g. an activated venv), given '.[installer]'
#   --postgres     (current python only) also install the postgres extra; a --venv build has it
#   --no-install   do not run pip (the environment already has the project and PyInstaller)
#   --no-smoke     skip the smoke test
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

venv=""
extras="installer"
install=1
smoke=1
deb=0
wheelhouse=0
platform=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --venv) venv="${2:?--venv needs a folder}"; shift 2 ;;
        --postgres) extras="installer,postgres"; shift ;;
        --no-install) install=0; shift ;;
        --no-smoke) smoke=0; shift ;;
        --deb) deb=1; shift ;;
        --wheelhouse) wheelhouse=1; shift ;;
        --platform) platform="${2:?--platform needs a name}"; shift 2 ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
t0=$SECONDS
step() { echo "== [$((SECONDS - t0)) s] $*"; }
size() { echo "$(du -sm "$1" | cut -f1) MB, $(find "$1" -type f | wc -l) files"; }

if [[ -n "$venv" ]]; then
    [[ -x "$venv/bin/python" ]] || "${PYTHON:-python3}" -m venv "$venv"
    py="$venv/bin/python"
else
    py="${PYTHON:-python3}"
fi

if [[ "$wheelhouse" == 1 ]]; then
    step "wheelhouse (python: $("$py" -c 'import sys; print(sys.version.split()[0])'))"
    "$py" installer/wheelhouse.py ${platform:+--platform "$platform"} --out installer/dist
    native="$("$py" installer/wheelhouse.py --native)"
    house="installer/dist/wheelhouse-${platform:-$native}"
    step "wheelhouse: $house, $(size "$house")"
    if [[ "$smoke" == 1 && "${platform:-$native}" == "$native" ]]; then
        step "offline install: a fresh venv, pip install --no-index --find-links $house dutydesk[postgres]"
        tmp="$(mktemp -d)"
        trap 'rm -rf "$tmp"' EXIT
        "$py" -m venv "$tmp/venv"
        # No index, no pip configuration file, no PIP_* variable (this machine's pip.conf adds
        # find-links of its own): the wheelhouse is the only source.
        env -i HOME="$tmp" PATH=/usr/bin:/bin PIP_CONFIG_FILE=/dev/null \
            "$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            --no-index --find-links "$house" "dutydesk[postgres]"
        env -i HOME="$tmp" PATH=/usr/bin:/bin "$tmp/venv/bin/python" -m pip list --disable-pip-version-check --format=freeze \
            | grep -i -E '^(dutydesk|pyside6|psycopg)' | sed 's/^/   /'
        bash installer/smoke.sh "$tmp/venv/bin/dutydesk"
    elif [[ "$smoke" == 1 ]]; then
        # Another platform: pip judges markers by this machine, uv can resolve for the target.
        # From the wheelhouse alone (--no-index), dutydesk[postgres] must resolve.
        uv="$(dirname "$py")/uv"
        declare -A uv_platform=([win-amd64]=x86_64-pc-windows-msvc [linux-aarch64]=aarch64-manylinux_2_31 [linux-x86_64]=x86_64-manylinux_2_31)
        if [[ -x "$uv" ]]; then
            step "offline resolution for $platform (uv, --no-index)"
            echo "dutydesk[postgres]" | "$uv" pip compile - --python-platform "${uv_platform[$platform]}" \
                --python-version 3.11 --no-index --find-links "$house" --no-header --quiet -o "$house/.resolved.txt"
            echo "   dutydesk[postgres] resolves to $(grep -c '^[a-z]' "$house/.resolved.txt") packages from $house alone"
            rm -f "$house/.resolved.txt"
        else
            echo "   (no uv beside $py: offline resolution for $platform not checked)"
        fi
    fi
    step "done"
    exit 0
fi

echo "== python: $("$py" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
if [[ "$install" == 1 ]]; then
    if [[ -n "$venv" ]]; then
        step "pip install --require-hashes -r installer/requirements-build.lock, then the project"
        "$py" -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: \
            -r installer/requirements-build.lock
        "$py" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation .
    else
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
        step "pip install ${editable:+$editable }.[$extras]"
        "$py" -m pip install --quiet $editable ".[$extras]"
    fi
fi

step "pyinstaller"
start=$SECONDS
"$py" -m PyInstaller --noconfirm --clean --log-level WARN installer/dutydesk.spec \
    --distpath installer/dist --workpath installer/build/pyinstaller
step "built in $((SECONDS - start)) s: installer/dist/dutydesk, $(size installer/dist/dutydesk)"

if [[ "$smoke" == 1 ]]; then
    step "smoke test of the bundle"
    bash installer/smoke.sh installer/dist/dutydesk/dutydesk installer/dist/dutydesk/dutydesk-gui
fi

if [[ "$deb" == 1 ]]; then
    step "the .deb"
    debfile="$(installer/linux/make-deb.sh installer/dist/dutydesk installer/dist)"
    step "$debfile: $(du -m "$debfile" | cut -f1) MB"
    if [[ "$smoke" == 1 ]]; then
        step "dpkg -x into a temporary root and smoke-test there"
        root="$(mktemp -d)"
        trap 'rm -rf "$root"' EXIT
        dpkg -x "$debfile" "$root"
        "$py" installer/linux/debtools.py check "$debfile" "$root"
        appdir="$(find "$root/opt/apps" -mindepth 1 -maxdepth 1 -type d)"
        bash installer/smoke.sh "$appdir/files/dutydesk" "$appdir/files/dutydesk-gui"
    fi
fi
step "ok"
