#!/usr/bin/env bash
# Shows that the release binary runs on a bare Debian root without Swift, and does the
# Dockerfile's final stage by hand where no container engine runs:
#
#   1. builds the release archive (scripts/build-release.sh, as the Dockerfile's build stage);
#   2. debootstraps a minimal Debian (variant minbase: what apt needs, nothing more) into
#      .bare-debian/ (git-ignored) and unpacks the archive in it;
#   3. in a chroot: `breakeven run` on an example scenario (reports byte-identical to reports/,
#      the run history written through the linked-in SQLite), `breakeven schema` (identical to
#      scenarios/scenario.schema.json), `breakeven catalog list`;
#   4. measures the binary's size and start-up time (hyperfine, from Debian, when installed);
#   5. copies the root to .bare-debian-image/, does the Dockerfile's last stage there
#      (scripts/dockerfile_stage.py) and runs `breakeven diff --against` as the image's user.
#
# Needs root, debootstrap, python3 and Debian's package mirror; takes minutes the first time.
# Not run by .ci/run. Usage: scripts/bare-debian-check.sh   (BARE_DEBIAN_SUITE=bookworm)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/.bare-debian"
image="$PWD/.bare-debian-image"
suite="${BARE_DEBIAN_SUITE:-bookworm}"
scenario=scenarios/enterprise-support.json
mounted=()
cleanup() {
  for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_proc() {
  # Swift reads its arguments and its own path from /proc, as every container has it.
  if ! mountpoint -q "$1/proc"; then mount -t proc proc "$1/proc"; mounted+=("$1/proc"); fi
}
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin "$@"; }

echo "== build (as the Dockerfile's build stage)"
archive="$(scripts/build-release.sh | tail -n 1)"
echo "$archive"

echo "== a bare Debian $suite"
if [ ! -x "$root/usr/bin/apt-get" ]; then
  rm -rf "$root"
  debootstrap --variant=minbase "$suite" "$root"
fi
mount_proc "$root"
rm -rf "$root/opt/breakeven" "$root/work"
mkdir -p "$root/opt/breakeven" "$root/work/scenarios"
tar -xzf "$archive" -C "$root/opt/breakeven" --strip-components=1
cp "$scenario" "$root/work/scenarios/"
if in_root sh -c 'command -v swift || ls /usr/lib/swift /usr/lib/*/libswiftCore.so' 2>/dev/null; then
  echo "the root has Swift: not a fair test" >&2
  exit 1
fi
echo "shared libraries:"
in_root ldd /opt/breakeven/breakeven

echo "== run, schema, catalog in the chroot"
in_root sh -c "cd /work && /opt/breakeven/breakeven run $scenario --out reports --format markdown,csv,json"
for f in "$root"/work/reports/*; do
  cmp "$f" "reports/$(basename "$f")"
done
echo "reports: byte-identical to reports/"
in_root /opt/breakeven/breakeven history | head -n 3
in_root /opt/breakeven/breakeven schema | cmp - scenarios/scenario.schema.json
echo "schema: identical to scenarios/scenario.schema.json"
in_root /opt/breakeven/breakeven catalog list gpus | head -n 3

echo "== size and start-up"
binary="$root/opt/breakeven/breakeven"
echo "binary: $(stat -c %s "$binary") bytes; archive: $(stat -c %s "$archive") bytes"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs 100 \
    "chroot $root /opt/breakeven/breakeven --version" \
    "chroot $root /bin/true" \
    "chroot $root /opt/breakeven/breakeven validate /work/$scenario"
else
  time (for _ in $(seq 20); do chroot "$root" /opt/breakeven/breakeven --version >/dev/null; done)
fi

echo "== the Dockerfile's last stage, by hand"
# /proc unmounted first: a copy must never descend into it (/proc/kcore alone would fill the disk).
umount "$root/proc"
mounted=()
rm -rf "$image"
cp -a --one-file-system "$root" "$image"
rm -rf "$image/opt/breakeven" "$image/work"
mount_proc "$image"
# What the build stage leaves in /opt/breakeven: a folder made by mkdir, the archive unpacked in it.
stage="$(mktemp -d)"
mkdir "$stage/breakeven"
tar -xzf "$archive" -C "$stage/breakeven" --strip-components=1
settings="$(python3 scripts/dockerfile_stage.py Dockerfile "$image" "build:/opt/breakeven=$stage/breakeven")"
rm -rf "$stage"
echo "$settings"
value() { sed -n "s/^$1=//p" <<<"$settings"; }
user="$(value USER)"
workdir="$(value WORKDIR)"
env_args=()
while IFS= read -r line; do env_args+=("${line#ENV_}"); done < <(grep '^ENV_' <<<"$settings")
read -r -a entrypoint <<<"$(value ENTRYPOINT)"
as_image() { chroot --userspec="$user" "$image" /usr/bin/env -i "${env_args[@]}" sh -c "cd $workdir && \"\$@\"" sh "${entrypoint[@]}" "$@"; }
# A repository in /work as a mounted checkout would be: the base, then a change.
mkdir -p "$image/work/scenarios"
cp "$scenario" "$image/work/scenarios/"
chroot "$image" sh -c "cd /work && git init -q && git add -A && git -c user.name=t -c user.email=t@example.com commit -qm base"
sed -i 's/"requests_per_month": 20000000/"requests_per_month": 30000000/' "$image/work/$scenario"
chmod -R a+rwX "$image/work"
status=0
as_image diff "$scenario" --against HEAD --name "$scenario" --diagnostics github > "$image/tmp/comment.md" || status=$?
head -n 4 "$image/tmp/comment.md"
echo "diff --against in the image: status $status"
as_image run "$scenario" --out /tmp/out > /dev/null
ls "$image"/var/lib/breakeven/breakeven/
echo "bare-debian-check: ok"
