#!/usr/bin/env bash
# The release build for UOS/Kylin: the .deb built inside a Debian 11 (bullseye, glibc 2.31) root,
# so that nothing in it needs a newer glibc than Kylin V10 SP1 has.
#
#   installer/linux/build-bullseye.sh [--root DIR] [--no-smoke] [--no-fcitx] [--no-typing-test]
#
#   --root DIR     the bullseye root (default installer/build/bullseye-amd64); made with
#                  debootstrap when missing, kept and reused (Python is built only once); remove
#                  it with 'rm -rf' when nothing is mounted in it
#   --no-smoke     skip the tests inside the root (not for a release)
#   --no-fcitx     leave the fcitx5 input-method plugin out (installer/linux/fcitx5-qt6.sh)
#   --no-typing-test  skip typing Chinese through a real fcitx5 (installer/linux/typing-test.sh)
#
# Steps, each skipped when its result is already in the root:
#   1. debootstrap bullseye (minbase) from Debian's mirror;
#   2. the build tools and the libraries Qt loads (xcb, fontconfig, EGL, pulse, cups, ...);
#      Debian 12's libwayland-client 1.21 into /usr/local/lib (Qt 6.9 needs 1.20+);
#   3. Python 3.11 from Debian's python3.11 source package (bookworm): its upstream tarball with
#      Debian's security patches, configured --enable-shared into /opt/python3.11;
#   3b. the fcitx5 input-method plugin for the bundle's Qt (installer/linux/fcitx5-qt6.sh);
#   4. a venv with the locked requirements (installer/requirements-build.lock, --require-hashes: the
#      PySide6 pinned there for glibc 2.31) and PyInstaller, the project copied in and bundled
#      with installer/dutydesk.spec;
#   5. the .deb (installer/linux/make-deb.sh) into installer/dist/bullseye-amd64/, then, inside
#      the root: installed with apt (its Depends resolved by bullseye's apt), the smoke test,
#      the input-method check (input-method.sh), typing 你好 through fcitx5 (typing-test.sh),
#      purge, and a check that the user's database survived the purge.
# Needs root (debootstrap, chroot, mount) and the network to Debian's mirror and PyPI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
chroot_dir="installer/build/bullseye-amd64"
smoke=1
fcitx=1
typing=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --root) chroot_dir="${2:?--root needs a folder}"; shift 2 ;;
        --no-smoke) smoke=0; shift ;;
        --no-fcitx) fcitx=0; shift ;;
        --no-typing-test) typing=0; shift ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$(dirname "$chroot_dir")"
chroot_dir="$(cd "$(dirname "$chroot_dir")" && pwd)/$(basename "$chroot_dir")"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PY_PREFIX=/opt/python3.11
t0=$SECONDS
step() { echo "== [$((SECONDS - t0)) s] $*"; }

in_root() { chroot "$chroot_dir" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive PIP_CERT=/etc/ssl/certs/build-host-ca.crt "$@"; }
mounted=()
mount_root() {
    for m in proc dev dev/pts; do
        mountpoint -q "$chroot_dir/$m" && continue
        case "$m" in
            proc) mount -t proc proc "$chroot_dir/proc" ;;
            dev) mount --bind /dev "$chroot_dir/dev" ;;
            dev/pts) mount --bind /dev/pts "$chroot_dir/dev/pts" ;;
        esac
        mounted=("$chroot_dir/$m" "${mounted[@]}")
    done
}
unmount_root() { for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" || true; done; }
trap unmount_root EXIT

# 1. the root
if [[ ! -x "$chroot_dir/usr/bin/apt-get" ]]; then
    step "debootstrap bullseye into $chroot_dir"
    command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
    debootstrap --variant=minbase bullseye "$chroot_dir" "$MIRROR" >"$chroot_dir.debootstrap.log"
fi
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
# pip inside the root trusts what this machine trusts (a network that inspects TLS has its own
# authority in the host's bundle); the bundle itself makes no TLS connection and ships no CA.
if [[ -r /etc/ssl/certs/ca-certificates.crt ]]; then
    mkdir -p "$chroot_dir/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$chroot_dir/etc/ssl/certs/build-host-ca.crt"
fi
mount_root

# 2. build tools and the libraries the bundle takes from the system
if [[ ! -e "$chroot_dir/.dutydesk-deps-2" ]]; then
    step "build tools and Qt's system libraries"
    cat >"$chroot_dir/etc/apt/sources.list" <<EOF
deb $MIRROR bullseye main
deb $MIRROR bullseye-updates main
deb http://deb.debian.org/debian-security bullseye-security main
EOF
    in_root apt-get update -qq
    in_root apt-get install -y -qq --no-install-recommends \
        build-essential dpkg-dev quilt xz-utils ca-certificates pkg-config \
        libssl-dev zlib1g-dev libbz2-dev liblzma-dev libffi-dev libsqlite3-dev uuid-dev \
        binutils patchelf \
        libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
        libdbus-1-3 libglib2.0-0 libpulse0 libx11-xcb1 libxcb1 libxcb-icccm4 libxcb-image0 \
        libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
        libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-render0 libxcb-util1 \
        libsm6 libice6 libxrender1 libxi6 libwayland-client0 libwayland-cursor0 libwayland-egl1 \
        libcups2 fonts-wqy-microhei >/dev/null
    # Qt 6.5+ needs xcb-cursor for its xcb platform; bullseye may not have it.
    in_root apt-get install -y -qq --no-install-recommends libxcb-cursor0 >/dev/null 2>&1 \
        || echo "   (bullseye has no libxcb-cursor0: the .deb depends on it instead)"
    touch "$chroot_dir/.dutydesk-deps-2"
fi
if [[ ! -e "$chroot_dir/.dutydesk-deps-3" ]]; then
    # Qt 6.9's Wayland client calls wl_proxy_marshal_flags (libwayland 1.20+); bullseye has 1.18,
    # so neither Qt's Wayland platform nor the fcitx5 plugin (which links QtWaylandClient) would
    # load. Debian 12's libwayland-client0 1.21 and its libffi8 need glibc 2.28 only (their
    # packages say 2.34, which dpkg would enforce): their libraries go into /usr/local/lib of
    # the root, which the loader and PyInstaller search first, and so into the bundle; their
    # copyright files go where installer/licenses.py looks for unpackaged libraries.
    step "libwayland-client 1.21 from Debian 12"
    in_root bash -euo pipefail -c "
        mkdir -p /tmp/apt12/lists/partial /tmp/apt12/cache/archives/partial
        echo 'deb $MIRROR bookworm main' > /tmp/apt12/sources.list
        o='-o Dir::Etc::SourceList=/tmp/apt12/sources.list -o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists=/tmp/apt12/lists -o Dir::Cache=/tmp/apt12/cache -o APT::Sandbox::User=root'
        apt-get \$o update -qq
        cd /tmp/apt12 && apt-get \$o download -qq libwayland-client0 libffi8
        mkdir -p /usr/local/share/doc/local-libraries
        for deb in libwayland-client0_*.deb libffi8_*.deb; do
            pkg=\${deb%%_*}
            dpkg -x \$deb x
            cp -a x/usr/lib/x86_64-linux-gnu/*.so.* /usr/local/lib/
            cp x/usr/share/doc/\$pkg/copyright /usr/local/share/doc/local-libraries/\$pkg.copyright
            for lib in x/usr/lib/x86_64-linux-gnu/*.so.*; do echo \"\$(basename \$lib) \$pkg\" >> /usr/local/share/doc/local-libraries/owners; done
            echo \"\$deb\" >> /usr/local/share/doc/local-libraries/SOURCES
            rm -rf x
        done
        ldconfig
        rm -rf /tmp/apt12
        ldconfig -p | grep 'libwayland-client.so.0 '
    "
    touch "$chroot_dir/.dutydesk-deps-3"
fi

# 3. Python 3.11 from Debian's source package
if [[ ! -e "$chroot_dir$PY_PREFIX/DEBIAN-SOURCE" ]]; then  # written last: the build is whole
    step "Python 3.11 from Debian's python3.11 source package"
    # bookworm's point releases carry the security fixes (its -security pool is not always
    # reachable from here), so only bookworm's main sources are asked.
    echo "deb-src $MIRROR bookworm main" >"$chroot_dir/etc/apt/sources.list.d/bookworm-src.list"
    in_root apt-get update -qq
    in_root bash -euo pipefail -c "
        rm -rf /src/python $PY_PREFIX && mkdir -p /src/python && cd /src/python
        apt-get source --download-only -qq python3.11
        tar xf python3.11_*.orig.tar.* && tar xf python3.11_*.debian.tar.xz
        src=\$(find . -maxdepth 1 -type d -name 'Python-3.11*' | head -1)
        # Debian's fixes (every CVE and crash fix, from shutdown-deadlock.diff to the end of the
        # series); not its layout patches before them (multiarch, dist-packages, disabled
        # ensurepip), which belong to Debian's own packaging, not to a private interpreter.
        sed -n '/^shutdown-deadlock/,\$p' debian/patches/series | grep -v '^#' > fixes.series
        test -s fixes.series
        cd \"\$src\"
        while read -r p _; do
            if patch -p1 -s --forward --no-backup-if-mismatch < ../debian/patches/\$p >/dev/null; then echo \"\$p\" >> ../applied.series
            else echo \"   patch \$p did not apply cleanly\"; echo \"\$p (did not apply)\" >> ../applied.series; fi
        done < ../fixes.series
        # Debian builds pyexpat into the interpreter (its Modules/Setup), so its backported fixes
        # include core headers without saying so; built as a module here, it must say so
        # (as upstream 3.11 itself does from 3.11.5 on).
        if grep -q pycore_ Modules/pyexpat.c && ! grep -q Py_BUILD_CORE_MODULE Modules/pyexpat.c; then
            sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' Modules/pyexpat.c
        fi
        ./configure -q --prefix=$PY_PREFIX --enable-shared --with-ensurepip=install \
            LDFLAGS='-Wl,-rpath,$PY_PREFIX/lib'
        make -s -j\$(nproc) >/src/python/make.log 2>&1
        if grep -q -A3 'Failed to build these modules' /src/python/make.log; then
            grep -A3 'Failed to build these modules' /src/python/make.log; exit 1
        fi
        make -s install >/src/python/install.log 2>&1
        $PY_PREFIX/bin/python3.11 -c 'import ssl, sqlite3, ctypes, lzma, bz2, zlib, uuid, pyexpat, xml.etree.ElementTree, _elementtree; print(\"python ok\")'
        cd /src/python && ls *.dsc > $PY_PREFIX/DEBIAN-SOURCE && cat applied.series >> $PY_PREFIX/DEBIAN-SOURCE
    "
fi
in_root "$PY_PREFIX/bin/python3.11" -c 'import sys, platform; print("   python", sys.version.split()[0], "glibc", platform.libc_ver()[1])'

# 4. the bundle
step "copy the project into the root"
rm -rf "$chroot_dir/build/dutydesk" && mkdir -p "$chroot_dir/build/dutydesk"
git ls-files -co --exclude-standard | grep -v '^installer/build/' \
    | tar -cf - -T - | tar -xf - -C "$chroot_dir/build/dutydesk"
step "venv with the locked requirements"
in_root bash -euo pipefail -c "
    cd /build/dutydesk
    [ -x /build/venv/bin/python ] || $PY_PREFIX/bin/python3.11 -m venv /build/venv
    /build/venv/bin/pip install -q --disable-pip-version-check --upgrade pip
    /build/venv/bin/pip install -q --disable-pip-version-check --require-hashes --only-binary :all: \
        -r installer/requirements.lock
    /build/venv/bin/pip install -q --disable-pip-version-check --no-deps --no-build-isolation . \
        2>/dev/null || /build/venv/bin/pip install -q --disable-pip-version-check --no-deps .
    /build/venv/bin/pip install -q --disable-pip-version-check --require-hashes --only-binary :all: \
        -r installer/requirements-build.lock
    /build/venv/bin/pip list --format=freeze | grep -i -E '^(pyside6|shiboken6|pyinstaller)'
"
fcitx_dir=""
if [[ "$fcitx" == 1 ]]; then
    step "the fcitx5 plugin for the bundle's Qt"
    in_root bash -euo pipefail -c "
        cd /build/dutydesk
        PYTHON=$PY_PREFIX/bin/python3.11 bash installer/linux/fcitx5-qt6.sh /build/fcitx5
    "
    fcitx_dir=/build/fcitx5
fi
step "pyinstaller (inside the root)"
in_root bash -euo pipefail -c "
    cd /build/dutydesk
    DUTYDESK_FCITX_PLUGIN_DIR=$fcitx_dir DUTYDESK_EXTRA_LIBS=/usr/local/lib/libwayland-client.so.0 \
        PYTHON=/build/venv/bin/python bash installer/build.sh --no-install --no-smoke
"
rm -rf installer/dist/bullseye-amd64 && mkdir -p installer/dist/bullseye-amd64
cp -a "$chroot_dir/build/dutydesk/installer/dist/dutydesk" installer/dist/bullseye-amd64/

# 5. the .deb, installed and smoke-tested inside bullseye
step "the .deb"
deb="$(installer/linux/make-deb.sh installer/dist/bullseye-amd64/dutydesk installer/dist/bullseye-amd64)"
echo "   $deb"
if [[ "$smoke" == 1 ]]; then
    step "install with apt inside bullseye and smoke-test"
    cp "$deb" "$chroot_dir/tmp/dutydesk.deb"
    mkdir -p "$chroot_dir/build/smoke" && cp installer/smoke.sh installer/linux/input-method.sh \
        installer/linux/typing-test.sh "$chroot_dir/build/smoke/"
    in_root bash -euo pipefail -c "
        # Without Recommends, so the root stays as the build wants it (autoremove below).
        apt-get install -y -qq --no-install-recommends /tmp/dutydesk.deb >/dev/null
        bash /build/smoke/smoke.sh /usr/bin/dutydesk /opt/apps/org.dutydesk.dutydesk/files/dutydesk-gui
        if [ $fcitx = 1 ]; then
            apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
            bash /build/smoke/input-method.sh /opt/apps/org.dutydesk.dutydesk/files/dutydesk-gui
            if [ $typing = 1 ]; then
                bash /build/smoke/typing-test.sh /opt/apps/org.dutydesk.dutydesk/files/dutydesk-gui \
                    /usr/bin/dutydesk /build/smoke/out
            fi
        fi
        # A user's data, in the default place: removing and purging the package must keep it.
        rm -rf /root/.local/share/DutyDesk
        dutydesk demo >/dev/null
        test -s /root/.local/share/DutyDesk/dutydesk.db
        apt-get purge -y -qq org.dutydesk.dutydesk >/dev/null
        apt-get autoremove --purge -y -qq >/dev/null
        test ! -e /opt/apps/org.dutydesk.dutydesk/files/dutydesk
        test ! -e /usr/bin/dutydesk
        test -s /root/.local/share/DutyDesk/dutydesk.db
        rm -rf /root/.local/share/DutyDesk
        echo '   purged: the program is gone, the database of the user is kept'
    "
fi
[[ -d "$chroot_dir/build/smoke/out" ]] && cp "$chroot_dir"/build/smoke/out/*.png "$(dirname "$deb")/" 2>/dev/null || true
step "done: $deb"
