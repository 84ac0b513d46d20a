#!/usr/bin/env bash
# Does the bundle's Qt load its fcitx5 and ibus input-method plugins on this system's X server?
#
#   installer/linux/input-method.sh GUI_PROGRAM
#
# Starts Xvfb (a virtual X server; Qt's offscreen platform loads no input method), then the
# window program once with QT_IM_MODULE=fcitx and once with ibus, with QT_DEBUG_PLUGINS=1, and
# requires Qt's own "loaded library" line for the plugin each time, and no load error. Needs
# Xvfb (Debian's xvfb). No input-method daemon is needed for the plugin to load.
set -euo pipefail

gui="${1:?usage: input-method.sh GUI_PROGRAM}"
tmp="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
    [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -e "/tmp/.X11-unix/X${display#:}" ]] && break; sleep 0.1; done

for module in fcitx ibus; do
    case "$module" in
        fcitx) plugin=libfcitx5platforminputcontextplugin.so ;;
        ibus) plugin=libibusplatforminputcontextplugin.so ;;
    esac
    out="$tmp/$module.out"
    env -i HOME="$tmp" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$display" DUTYDESK_HOME="$tmp/home" \
        QT_QPA_PLATFORM=xcb QT_IM_MODULE="$module" QT_DEBUG_PLUGINS=1 \
        "$gui" --db "$tmp/im.db" >"$out" 2>&1 &
    app_pid=$!
    started=$SECONDS
    until grep -q "window shown" "$tmp/home/logs/dutydesk.log" 2>/dev/null; do
        if ! kill -0 "$app_pid" 2>/dev/null || (( SECONDS - started > 60 )); then
            echo "input method: the window did not come up with QT_IM_MODULE=$module" >&2
            tail -20 "$out" >&2
            exit 1
        fi
        sleep 0.5
    done
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    rm -f "$tmp/home/logs/dutydesk.log"
    if grep -E "$plugin.*(cannot load|failed)" "$out" >&2; then
        echo "input method: Qt could not load $plugin" >&2
        exit 1
    fi
    if ! grep -q "$plugin\" loaded library" "$out"; then
        echo "input method: Qt did not load $plugin with QT_IM_MODULE=$module" >&2
        grep -i "inputcontext" "$out" | tail -5 >&2
        exit 1
    fi
    echo "input method: $module: $(grep -o "[^/]*$plugin\" loaded library" "$out" | head -1)"
done
