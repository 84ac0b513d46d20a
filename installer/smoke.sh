#!/usr/bin/env bash
# Smoke test of a built DutyDesk: the command line and the window, in a scrubbed environment.
#
#   installer/smoke.sh PROGRAM [GUI_PROGRAM]
#
# PROGRAM is the console program (installer/dist/dutydesk/dutydesk, /usr/bin/dutydesk, a venv's
# bin/dutydesk); GUI_PROGRAM the one that starts the window (default: PROGRAM). Checks, each of
# which must pass:
#   1. PROGRAM --version prints "dutydesk X.Y.Z";
#   2. PROGRAM --db DEMO demo, then check: exit 0 (a demo office is written and is healthy);
#   3. GUI_PROGRAM --db DEMO with Qt offscreen: the log gets "started vX.Y.Z on DEMO" and then
#      "window shown" within SMOKE_TIMEOUT seconds (default 90); the program is then ended.
# Nothing of the caller's environment reaches the program but PATH's system folders, so a
# bundle that secretly needs the build's Python fails here. The data folder is temporary.
set -euo pipefail

prog="${1:?usage: smoke.sh PROGRAM [GUI_PROGRAM]}"
gui="${2:-$prog}"
timeout="${SMOKE_TIMEOUT:-90}"
tmp="$(mktemp -d)"
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
scrubbed=(env -i HOME="$tmp" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8
          DUTYDESK_HOME="$tmp/home" QT_QPA_PLATFORM=offscreen)
run() { "${scrubbed[@]}" "$@"; }

version="$(run "$prog" --version)"
[[ "$version" =~ ^dutydesk\ [0-9]+\.[0-9]+ ]] || { echo "smoke: --version printed '$version'" >&2; exit 1; }
echo "smoke: $version"
run "$prog" --db "$tmp/demo.db" demo >"$tmp/demo.out"
echo "smoke: demo ok ($(wc -l <"$tmp/demo.out") lines)"
run "$prog" --db "$tmp/demo.db" check >"$tmp/check.out"
echo "smoke: check ok"

log="$tmp/home/logs/dutydesk.log"
started=$SECONDS
# Started directly, not through run(): a backgrounded function is a subshell, and its PID is
# not the program's, which would outlive the kill below. env execs the program: same PID.
"${scrubbed[@]}" "$gui" --db "$tmp/demo.db" >"$tmp/gui.out" 2>&1 &
pid=$!
while ! grep -q "window shown" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "smoke: the window program ended before showing a window:" >&2
        cat "$tmp/gui.out" >&2; cat "$log" >&2 2>/dev/null || true
        exit 1
    fi
    if (( SECONDS - started > timeout )); then
        echo "smoke: no 'window shown' in the log after $timeout s" >&2
        cat "$tmp/gui.out" >&2; cat "$log" >&2 2>/dev/null || true
        exit 1
    fi
    sleep 0.5
done
grep -q "started v${version#dutydesk } on $tmp/demo.db" "$log" \
    || { echo "smoke: no 'started v${version#dutydesk } on …' line before the window" >&2; cat "$log" >&2; exit 1; }
echo "smoke: $(grep -o 'window shown.*' "$log" | head -1) after $((SECONDS - started)) s"
kill "$pid"
wait "$pid" 2>/dev/null || true
if kill -0 "$pid" 2>/dev/null; then echo "smoke: the window program did not end" >&2; exit 1; fi
pid=""
echo "smoke: ok"
