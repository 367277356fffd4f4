#!/usr/bin/env bash
# Packs a built breakeven as a release attaches it, for action.yml to install:
#
#   OUT/breakeven-VERSION-linux-ARCH.tar.gz   one folder: breakeven, its resource bundle (the
#                                             built-in catalog: Foundation looks for it beside
#                                             the executable), README.md
#   OUT/breakeven-VERSION-linux-ARCH.tar.gz.sha256   as `sha256sum` prints it
#
# Usage: scripts/pack-release.sh BIN_DIR [VERSION] [OUT]
#   BIN_DIR  the folder `swift build --show-bin-path` names
#   VERSION  default: what `BIN_DIR/breakeven --version` prints
#   OUT      default: dist
# Prints the archive's path. The same binary gives the same archive, byte for byte.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:?usage: scripts/pack-release.sh BIN_DIR [VERSION] [OUT]}"
version="${2:-$("$bin/breakeven" --version)}"
version="${version#v}"
out="${3:-$root/dist}"
case "$(uname -m)" in
  x86_64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "pack-release: no release for $(uname -m)" >&2; exit 1 ;;
esac
if [ ! -d "$bin/breakeven_BreakevenCatalog.resources" ]; then
  echo "pack-release: $bin has no breakeven_BreakevenCatalog.resources: breakeven cannot run without its catalog" >&2
  exit 1
fi
name="breakeven-$version-linux-$arch"
mkdir -p "$out"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$bin/breakeven" "$stage/$name/"
cp -R "$bin/breakeven_BreakevenCatalog.resources" "$stage/$name/"
cp "$root/README.md" "$stage/$name/"
chmod -R u=rwX,go=rX "$stage/$name"
# Sorted names, no owner, one fixed time: the same files give the same bytes.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
