#!/usr/bin/env bash
# Type Chinese into the installed program through a real fcitx5 daemon, as an operator would.
#
#   installer/linux/typing-test.sh GUI_PROGRAM CLI_PROGRAM OUT_DIR
#
# Run as root inside a Debian root where the .deb is installed (build-bullseye.sh does, unless
# --no-typing-test). Installs fcitx5 with its pinyin engine, Xvfb, xdotool and xclip, starts a
# D-Bus session, Xvfb and fcitx5 (profile: keyboard-us, pinyin), opens the window on a demo
# database with QT_IM_MODULE=fcitx, switches to pinyin (Ctrl+Space), types "nihao" and Space,
# then copies the sign-in dialog's user-name field (Ctrl+A, Ctrl+C) and requires "你好" in the
# clipboard. Screenshots of the candidate window and of the result go to OUT_DIR. Afterwards
# the packages it installed are purged again, so the build root stays as the build wants it.
set -euo pipefail

gui="${1:?usage: typing-test.sh GUI_PROGRAM CLI_PROGRAM OUT_DIR}"
cli="${2:?usage: typing-test.sh GUI_PROGRAM CLI_PROGRAM OUT_DIR}"
out="${3:?usage: typing-test.sh GUI_PROGRAM CLI_PROGRAM OUT_DIR}"
tools=(fcitx5 fcitx5-chinese-addons dbus-x11 xvfb xauth xdotool xclip x11-apps imagemagick)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null
cleanup_packages() {
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq fcitx5 fcitx5-chinese-addons xdotool xclip \
        x11-apps imagemagick dbus-x11 >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y -qq >/dev/null 2>&1 || true
}
trap cleanup_packages EXIT
mkdir -p "$out"

cat >/tmp/typing-session.sh <<'SESSION'
set -euo pipefail
gui="$1"; cli="$2"; out="$3"
tmp="$(mktemp -d)"
export HOME="$tmp" DUTYDESK_HOME="$tmp/home"
mkdir -p "$HOME/.config/fcitx5"
printf '%s\n' '[Groups/0]' 'Name=Default' 'Default Layout=us' 'DefaultIM=pinyin' '' \
    '[Groups/0/Items/0]' 'Name=keyboard-us' 'Layout=' '' '[Groups/0/Items/1]' 'Name=pinyin' \
    'Layout=' '' '[GroupOrder]' '0=Default' >"$HOME/.config/fcitx5/profile"
"$cli" --db "$tmp/demo.db" demo >/dev/null
Xvfb :57 -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=:57
sleep 2
fcitx5 --disable=cloudpinyin >"$tmp/fcitx5.log" 2>&1 &
im=$!
sleep 4
QT_IM_MODULE=fcitx "$gui" --db "$tmp/demo.db" >"$tmp/gui.log" 2>&1 &
app=$!
for _ in $(seq 60); do grep -q "window shown" "$DUTYDESK_HOME/logs/dutydesk.log" 2>/dev/null && break; sleep 0.5; done
sleep 2
xdotool key ctrl+space; sleep 1
xdotool type --delay 150 nihao; sleep 1
import -window root "$out/typing-candidates.png"
xdotool key space; sleep 1
import -window root "$out/typing-committed.png"
xdotool key ctrl+a ctrl+c; sleep 1
typed="$(xclip -selection clipboard -o 2>/dev/null || true)"
kill "$app" 2>/dev/null || true
kill "$im" "$xvfb" 2>/dev/null || true
if [ "$typed" != "你好" ]; then
    echo "typing: the field holds '$typed', not 你好" >&2
    tail -5 "$tmp/fcitx5.log" >&2
    exit 1
fi
echo "typing: fcitx5 pinyin 'nihao' + Space gave '$typed' in the sign-in dialog"
SESSION
dbus-run-session -- bash /tmp/typing-session.sh "$gui" "$cli" "$out" 2> >(grep -v "Failed to set fd limit" >&2)
