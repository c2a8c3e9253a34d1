#!/usr/bin/env bash
# Proves the n8n machinery end to end (not the package's e2e tests):
# provision n8n, make a throw-away instance, install a packed community
# package into <user folder>/.n8n/nodes, import a credential and a workflow,
# run it headless and parse its output, then start the server and check that
# n8n loaded every node type of the package and logged no load errors.
#
#   bash scripts/n8n-selftest.sh [--n8n 2.41.1|1.123.81] [--package TGZ] [--broken]
#
# Default package: the hand-written probe package (scripts/lib/probe-package.sh).
# --package TGZ also installs TGZ (e.g. the real package from `npm pack`) and
# requires all of its node types. --broken uses a probe package with a node
# file that fails to load, and expects the checks to fail.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/n8n-instance.sh"

version=$N8N2_VERSION extra_tgz="" broken=""
while (($#)); do
  case "$1" in
    --n8n) version=$2; shift 2 ;;
    --package) extra_tgz=$(realpath "$2"); shift 2 ;;
    --broken) broken=broken; shift ;;
    *) echo "usage: $0 [--n8n 2.41.1|1.123.81] [--package TGZ] [--broken]" >&2; exit 2 ;;
  esac
done

log() { echo "[selftest] $*" >&2; }
t0=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/n8n-selftest.XXXXXX")
n8ni_create "$version"
N8NI_HOMES+=("$work") # deleted with the instance on exit

probe_tgz=$(bash "$here/lib/probe-package.sh" "$work/probe" $broken)
n8ni_install_package "$probe_tgz"
[[ -z "$extra_tgz" ]] || n8ni_install_package "$extra_tgz"

cat >"$work/credentials.json" <<'JSON'
[{ "id": "probeCred0000001", "name": "Probe credential", "type": "probeApi",
   "data": { "baseUrl": "http://127.0.0.1:9", "token": "s3cret-token" } }]
JSON
mkdir -p "$work/workflows"
cat >"$work/workflows/probe.json" <<'JSON'
{
  "id": "probeWorkflow001",
  "name": "Probe workflow",
  "active": false,
  "settings": { "executionOrder": "v1" },
  "nodes": [
    { "id": "8a0d6b7e-0000-4000-8000-000000000001", "name": "Start",
      "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {} },
    { "id": "8a0d6b7e-0000-4000-8000-000000000002", "name": "Probe",
      "type": "n8n-nodes-probe.probe", "typeVersion": 1, "position": [220, 0],
      "parameters": { "message": "hello from the selftest" },
      "credentials": { "probeApi": { "id": "probeCred0000001", "name": "Probe credential" } } }
  ],
  "connections": { "Start": { "main": [[{ "node": "Probe", "type": "main", "index": 0 }]] } }
}
JSON
n8ni_import_credentials "$work/credentials.json"
n8ni_import_workflows "$work/workflows"

fail=0
if n8ni_execute probeWorkflow001 >"$work/run.json"; then
  n8ni_node_output "$work/run.json" Probe >"$work/probe-output.json"
  node -e '
    const [item] = require(process.argv[1]);
    const ok = item && item.probe === true && item.message === "hello from the selftest" &&
      item.baseUrl === "http://127.0.0.1:9" && item.tokenLength === 12;
    console.error("[selftest] Probe output:", JSON.stringify(item));
    process.exit(ok ? 0 : 1);' "$work/probe-output.json" || { log "FAIL: unexpected Probe output"; fail=1; }
else
  log "headless run did not succeed"; fail=1
fi

n8ni_start
types=(n8n-nodes-probe.probe) creds=(probeApi)
if [[ -n "$extra_tgz" ]]; then
  pkg_name=$(tar -xzOf "$extra_tgz" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0)).name')
  pkg_dir="$N8NI_HOME/.n8n/nodes/node_modules/$pkg_name"
  mapfile -t -O 1 types < <(n8ni_package_types "$pkg_dir" nodes)
  mapfile -t -O 1 creds < <(n8ni_package_types "$pkg_dir" credentials)
fi
n8ni_require_node_types "${types[@]}" || fail=1
n8ni_require_credential_types "${creds[@]}" || fail=1

if [[ -n "$broken" ]]; then
  if ((fail)); then log "PASS (broken package detected) in $((SECONDS - t0))s"; exit 0; fi
  log "FAIL: the broken package was not detected"; exit 1
fi
((fail == 0)) || { log "FAIL after $((SECONDS - t0))s (N8NI_KEEP=1 keeps $N8NI_HOME)"; exit 1; }
log "PASS: n8n $(_n8ni_get N8NI_N8N_VERSION), $((SECONDS - t0))s"
