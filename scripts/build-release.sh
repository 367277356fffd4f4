#!/usr/bin/env bash
# Builds breakeven as a release ships it and packs it for this machine's architecture:
#
#   dist/breakeven-VERSION-linux-ARCH.tar.gz (and .sha256), packed by scripts/pack-release.sh
#
# The Swift standard library and Foundation are linked in (--static-swift-stdlib) and so is
# SQLite: the binary needs only the C library, so it runs on a bare Debian or Ubuntu root without
# Swift. The release workflow, the Dockerfile and scripts/bare-debian-check.sh all build with
# this script. Needs Swift and Debian's libsqlite3-dev (for libsqlite3.a).
#
# Usage: scripts/build-release.sh [VERSION]   (default: the version `breakeven --version` prints)
set -euo pipefail
cd "$(dirname "$0")/.."

# GRDB links "sqlite3" by name, and Swift's runtime "stdc++": a folder that holds only their
# static libraries, searched before the system's, makes the linker take those instead of the
# shared ones; -static-libgcc does the same for libgcc_s.
static="$(mktemp -d)"
trap 'rm -rf "$static"' EXIT
for lib in libsqlite3.a libstdc++.a; do
  # Swift's clang names the file its linker would take (the libstdc++ of the GCC it chose).
  path="$(clang -print-file-name="$lib")"
  if [ ! -f "$path" ]; then
    echo "build-release: $lib not found: install libsqlite3-dev and the libstdc++-N-dev of your GCC" >&2
    exit 1
  fi
  ln -s "$path" "$static/$lib"
done

# A build folder of its own: these flags would make .ci/run's release build start over.
build=(swift build -c release --scratch-path .build-static --static-swift-stdlib --product breakeven)
"${build[@]}" -Xlinker -L"$static" -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
bin="$("${build[@]}" --show-bin-path)"

# Fail here, not on a user's machine, if a shared library other than the C library slipped in.
needed="$(readelf -d "$bin/breakeven" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')"
for lib in $needed; do
  case "$lib" in
    libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | libutil.so.* | ld-linux*) ;;
    *) echo "build-release: breakeven needs $lib at run time; only the C library is allowed" >&2; exit 1 ;;
  esac
done

# Symbols are not needed to run: stripped, the binary loses about a third of its size.
stripped="$(mktemp -d)"
trap 'rm -rf "$static" "$stripped"' EXIT
cp "$bin/breakeven" "$stripped/"
strip "$stripped/breakeven"
cp -R "$bin/breakeven_BreakevenCatalog.resources" "$stripped/"
scripts/pack-release.sh "$stripped" "${1:-}"
