#!/usr/bin/env bash
# Make the UOS/Kylin .deb from a one-folder bundle; print the .deb's path.
#
#   installer/linux/make-deb.sh BUNDLE_DIR OUT_DIR
#
# Layout (UOS's app-store layout, which Kylin installs too):
#   /opt/apps/$APPID/files/                          the bundle (dutydesk, dutydesk-gui, _internal/,
#                                                    licenses/)
#   /opt/apps/$APPID/entries/applications/$APPID.desktop
#   /opt/apps/$APPID/entries/icons/hicolor/scalable/apps/$APPID.svg
#   /opt/apps/$APPID/info                            UOS's JSON description
# and, so that any desktop (Kylin, Debian, UOS without the store's linker) finds it, links:
#   /usr/bin/dutydesk -> files/dutydesk, /usr/share/applications/$APPID.desktop,
#   /usr/share/icons/hicolor/scalable/apps/$APPID.svg
# Depends/Recommends come from what the bundle's ELF files need and do not carry
# (installer/linux/debtools.py). postinst/prerm refresh the menu and icon caches only: user
# data (each user's ~/.local/share/DutyDesk) is never touched, not even on purge.
set -euo pipefail

bundle="$(cd "${1:?usage: make-deb.sh BUNDLE_DIR OUT_DIR}" && pwd)"
out="${2:?usage: make-deb.sh BUNDLE_DIR OUT_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$here/../.." && pwd)"
APPID="org.dutydesk.dutydesk"
py="${PYTHON:-python3}"
version="$("$py" -c "import ast,sys; t=ast.parse(open('$ROOT/app/__init__.py').read()); print([n.value.value for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id == '__version__'][0])")"
arch="$(dpkg --print-architecture)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
app="$stage/opt/apps/$APPID"
mkdir -p "$app/files" "$app/entries/applications" "$app/entries/icons/hicolor/scalable/apps" \
    "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/icons/hicolor/scalable/apps" \
    "$stage/DEBIAN"
cp -a "$bundle/." "$app/files/"
if [[ -d "$bundle/_internal/licenses" && ! -e "$app/files/licenses" ]]; then
    ln -s _internal/licenses "$app/files/licenses"
fi
cp "$ROOT/resources/icons/dutydesk.svg" "$app/entries/icons/hicolor/scalable/apps/$APPID.svg"

cat >"$app/entries/applications/$APPID.desktop" <<EOF
[Desktop Entry]
Type=Application
Version=1.0
Name=DutyDesk
Name[zh_CN]=应急值守台
GenericName=Emergency duty desk
GenericName[zh_CN]=应急值班值守
Comment=Duty roster, incident reports and deadlines, contacts and the duty log
Comment[zh_CN]=值班安排、接报与报送时限、通讯录、值班日志
Exec=/opt/apps/$APPID/files/dutydesk-gui
Icon=$APPID
Terminal=false
Categories=Office;ProjectManagement;
Keywords=duty;emergency;roster;值班;应急;值守;
StartupNotify=true
EOF

cat >"$app/info" <<EOF
{
    "appid": "$APPID",
    "name": "应急值守台",
    "version": "$version",
    "arch": ["$arch"],
    "permissions": {
        "autostart": false,
        "notification": true,
        "trayicon": true,
        "clipboard": true,
        "account": false,
        "bluetooth": false,
        "camera": false,
        "audio_record": false,
        "installed_apps": false
    }
}
EOF

ln -s "/opt/apps/$APPID/files/dutydesk" "$stage/usr/bin/dutydesk"
ln -s "/opt/apps/$APPID/entries/applications/$APPID.desktop" "$stage/usr/share/applications/$APPID.desktop"
ln -s "/opt/apps/$APPID/entries/icons/hicolor/scalable/apps/$APPID.svg" \
    "$stage/usr/share/icons/hicolor/scalable/apps/$APPID.svg"

deps="$("$py" "$here/debtools.py" depends "$bundle")"
depends="$(sed -n 's/^Depends: //p' <<<"$deps")"
recommends="$(sed -n 's/^Recommends: //p' <<<"$deps")"
recommends="${recommends:+$recommends, }fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

cat >"$stage/DEBIAN/control" <<EOF
Package: $APPID
Version: $version
Architecture: $arch
Maintainer: DutyDesk <dutydesk@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Section: utils
Priority: optional
Depends: $depends
Recommends: $recommends
Suggests: fcitx5 | fcitx | ibus
Provides: dutydesk
Homepage: https://localhost/dutydesk
Description: DutyDesk (应急值守台): the duty-room desk of an emergency-management office
 The duty officer's one screen for a 24-hour shift: who is on duty and how to
 reach them, every incoming report with the elements it must carry, a countdown on
 every reporting deadline, the duty log and the handover, the roster to file.
 .
 A self-contained build (Python and Qt inside /opt/apps/$APPID/files); each user's
 data stays in ~/.local/share/DutyDesk and is kept when the package is removed.
EOF

# Maintainer scripts: caches only; never a user's folder, never a database.
cat >"$stage/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = "configure" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
EOF
cat >"$stage/DEBIAN/prerm" <<'EOF'
#!/bin/sh
# Removing or upgrading the program leaves every user's data where it is.
set -e
exit 0
EOF
cat >"$stage/DEBIAN/postrm" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
EOF
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"

mkdir -p "$out"
deb="$(cd "$out" && pwd)/${APPID}_${version}_${arch}.deb"
# xz at level 6 (dpkg's default) keeps the .deb small; -Zgzip builds faster for a test.
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$stage" "$deb" >/dev/null
echo "$deb"
