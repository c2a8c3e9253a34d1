#!/usr/bin/env bash
# Build and pack a package tree the way it is published, in a throw-away copy
# (so a build never touches the working tree others edit):
#   bash scripts/lib/pack.sh [REPO_DIR] [OUT_DIR]    -> prints the .tgz path
# REPO_DIR defaults to this repo, OUT_DIR to a new temp dir. The copy leaves
# out .git, node_modules (symlinked instead), dist and *.tgz.
set -euo pipefail
repo=$(realpath "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}")
out=$(realpath -m "${2:-$(mktemp -d "${TMPDIR:-/tmp}/n8n-pack.XXXXXX")}")
copy=$(mktemp -d "${TMPDIR:-/tmp}/n8n-build.XXXXXX")
trap 'rm -rf "$copy"' EXIT
mkdir -p "$out"

echo "[pack] building $(node -p 'require(process.argv[1]).name' "$repo/package.json") from a copy of $repo" >&2
tar -C "$repo" --exclude=./.git --exclude=./node_modules --exclude=./dist --exclude='*.tgz' -cf - . | tar -C "$copy" -xf -
ln -s "$repo/node_modules" "$copy/node_modules"
(cd "$copy" && npm run --silent build) >"$out/build.log" 2>&1 ||
  { tail -n 40 "$out/build.log" >&2; echo "[pack] build failed (log: $out/build.log)" >&2; exit 1; }
tgz=$(cd "$copy" && npm pack --silent --pack-destination "$out" | tail -n 1)
echo "[pack] $out/$tgz" >&2
echo "$out/$tgz"
