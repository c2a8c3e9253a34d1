#!/usr/bin/env bash
# A deliberately broken copy of a packed package, to see the e2e suite fail:
# one node file (KantegaSso by default) gets a require of a module that does not
# exist, as a bad import would. n8n then drops the whole package.
#   bash scripts/lib/e2e-break-package.sh TGZ [OUT_DIR] [NODE_FILE]   -> prints the broken .tgz path
#   E2E_PACKAGE=$(bash scripts/lib/e2e-break-package.sh pkg.tgz) E2E_SKIP_N8N1=1 bash scripts/e2e.sh   # must fail
set -euo pipefail
tgz=$(realpath "$1")
out=$(realpath -m "${2:-$(mktemp -d "${TMPDIR:-/tmp}/n8n-broken.XXXXXX")}")
file=${3:-dist/nodes/KantegaSso/KantegaSso.node.js}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
tar -C "$tmp" -xzf "$tgz"
[[ -f "$tmp/package/$file" ]] || { echo "[break] no $file in $tgz" >&2; exit 1; }
sed -i '1i require("n8n-nodes-e2e-no-such-module");' "$tmp/package/$file"
broken="$out/broken-$(basename "$tgz")"
tar -C "$tmp" -czf "$broken" package
echo "[break] $broken: $file requires a module that does not exist" >&2
echo "$broken"
