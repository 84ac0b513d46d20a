#!/usr/bin/env bash
# The fcitx5 input-method plugin for the bundle's Qt 6, made to load on glibc 2.31.
#
#   installer/linux/fcitx5-qt6.sh OUT     (inside the bullseye root: build-bullseye.sh runs it)
#
# Qt ships no fcitx plugin; fcitx5-qt builds one against one Qt and its private API. Debian's
# source of fcitx5-qt cannot be fetched from the package mirror this project reaches (its pool
# answers 404), so this takes Debian 13's binary packages fcitx5-frontend-qt6 and
# libfcitx5-qt6-1 (fcitx5-qt 5.1.9, built against Qt 6.8.2). Checked for the bundle's Qt 6.9.3:
# every Qt symbol they use (public and Qt_6_PRIVATE_API) is exported by PySide6 6.9.3's Qt, and
# the classes the plugin implements (QPlatformInputContext, QPlatformInputContextPlugin) are
# declared the same from Qt 6.8.2 to 6.11.2; Qt loads a plugin built with an older Qt 6.
# (Debian 12's plugin, built against Qt 6.4, does not load: QWindowSystemInterface changed.)
# Two things stand between those binaries and bullseye; both are fixed here, nothing else:
#   - they require two C++ runtime functions newer than bullseye's gcc 10 libstdc++:
#     std::__throw_bad_array_new_length() (GLIBCXX_3.4.29; throws when a new[] size overflows)
#     and __cxa_call_terminate() (CXXABI_1.3.15; std::terminate when an exception leaves a
#     noexcept function). Those version requirements are marked weak (elfweak.py) and the two
#     functions come from a small library built here with bullseye's gcc,
#     libdutydesk-cxxcompat.so.1, added to the NEEDED of both files;
#   - they find each other through RUNPATH ($ORIGIN/../../lib from the plugin: PySide6/Qt/lib).
# OUT then holds plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so, lib/*.so.1,
# copyright and SOURCE; installer/dutydesk.spec takes them when DUTYDESK_FCITX_PLUGIN_DIR=OUT.
set -euo pipefail

out="${1:?usage: fcitx5-qt6.sh OUT}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-python3}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
FCITX5_QT="${FCITX5_QT:-5.1.9-1+b1}"  # the version checked against the bundle's Qt
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Debian 13's binary packages, through a private apt configuration (the root's own sources stay
# bullseye's).
mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial"
echo "deb $MIRROR trixie main" >"$work/apt/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
          -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
          -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" update -qq
(cd "$work" && apt-get "${apt_opts[@]}" download -qq \
    "fcitx5-frontend-qt6=$FCITX5_QT" "libfcitx5-qt6-1=$FCITX5_QT")
for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/x"; done

rm -rf "$out" && mkdir -p "$out/plugins/platforminputcontexts" "$out/lib"
plugin="$out/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so"
addons="$out/lib/libFcitx5Qt6DBusAddons.so.1"
cp "$(find "$work/x" -name libfcitx5platforminputcontextplugin.so)" "$plugin"
cp -L "$(find "$work/x" -name 'libFcitx5Qt6DBusAddons.so.1')" "$addons"

cat >"$work/cxxcompat.cpp" <<'CPP'
// Two C++ runtime functions of gcc 11 and gcc 14, for binaries built with them to load beside
// gcc 10's libstdc++ (installer/linux/fcitx5-qt6.sh). Each does what the newer runtime does.
#include <cxxabi.h>
#include <exception>
#include <new>
namespace std {
[[noreturn]] __attribute__((visibility("default"))) void __throw_bad_array_new_length() {
    throw std::bad_array_new_length();
}
}
extern "C" [[noreturn]] __attribute__((visibility("default")))
void __cxa_call_terminate(void* exception) noexcept {
    if (exception) __cxxabiv1::__cxa_begin_catch(exception);
    std::terminate();
}
CPP
cat >"$work/cxxcompat.map" <<'MAP'
GLIBCXX_3.4.29 { global: _ZSt28__throw_bad_array_new_lengthv; local: *; };
CXXABI_1.3.15 { global: __cxa_call_terminate; } GLIBCXX_3.4.29;
MAP
g++ -shared -fPIC -O2 -Wl,--version-script="$work/cxxcompat.map" \
    -Wl,-soname,libdutydesk-cxxcompat.so.1 -o "$out/lib/libdutydesk-cxxcompat.so.1" \
    "$work/cxxcompat.cpp"

for file in "$plugin" "$addons"; do
    "$py" "$here/elfweak.py" "$file" GLIBCXX_3.4.29 CXXABI_1.3.15
    patchelf --add-needed libdutydesk-cxxcompat.so.1 "$file"
done
# (separate calls: bullseye's patchelf 0.12 mixes --add-needed and --set-rpath up in one)
patchelf --set-rpath '$ORIGIN/../../lib' "$plugin"
patchelf --set-rpath '$ORIGIN' "$addons"
readelf -d "$plugin" | grep -q 'RUNPATH.*\$ORIGIN/../../lib' || { echo "RUNPATH not set" >&2; exit 1; }

# The copyright of fcitx5-qt (LGPL-2.1+, BSD-3-Clause), for licenses/.
cp "$(find "$work/x" -path '*doc/libfcitx5-qt6-1/copyright' | head -1)" "$out/copyright"
(cd "$work" && ls ./*.deb | sed 's#^\./##') >"$out/SOURCE"
echo "fcitx5 Qt 6 plugin from $(tr '\n' ' ' <"$out/SOURCE")into $out"
"$py" "$here/debtools.py" glibc "$out"
