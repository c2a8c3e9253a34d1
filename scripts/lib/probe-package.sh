#!/usr/bin/env bash
# A minimal community package, n8n-nodes-probe, written by hand (built JS,
# no build step), to prove the n8n machinery without the real package.
#   bash scripts/lib/probe-package.sh OUT_DIR [broken]
# prints the path of the packed tarball. Node type: n8n-nodes-probe.probe
# (usableAsTool), credential type: probeApi. With "broken", a second node
# requires a module that does not exist (n8n then drops the whole package).
set -euo pipefail

out=$(realpath -m "${1:?usage: probe-package.sh OUT_DIR [broken]}")
broken=${2:-}
src="$out/n8n-nodes-probe"
rm -rf "$src"
mkdir -p "$src/dist/nodes/Probe" "$src/dist/credentials"
echo "[probe] writing n8n-nodes-probe${broken:+ (broken)} in $src" >&2

nodes='"dist/nodes/Probe/Probe.node.js"'
[[ -n "$broken" ]] && nodes+=', "dist/nodes/Probe/Broken.node.js"'
cat >"$src/package.json" <<JSON
{
  "name": "n8n-nodes-probe",
  "version": "0.0.1",
  "description": "Probe package for the e2e machinery",
  "license": "MIT",
  "keywords": ["n8n-community-node-package"],
  "files": ["dist"],
  "n8n": {
    "n8nNodesApiVersion": 1,
    "strict": true,
    "credentials": ["dist/credentials/ProbeApi.credentials.js"],
    "nodes": [$nodes]
  },
  "peerDependencies": { "n8n-workflow": "*" }
}
JSON

cat >"$src/dist/credentials/ProbeApi.credentials.js" <<'JS'
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProbeApi = void 0;
class ProbeApi {
  constructor() {
    this.name = "probeApi";
    this.displayName = "Probe API";
    this.properties = [
      { displayName: "Base URL", name: "baseUrl", type: "string", default: "" },
      { displayName: "Token", name: "token", type: "string", typeOptions: { password: true }, default: "" },
    ];
  }
}
exports.ProbeApi = ProbeApi;
JS

cat >"$src/dist/nodes/Probe/Probe.node.js" <<'JS'
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Probe = void 0;
const n8n_workflow_1 = require("n8n-workflow");
class Probe {
  constructor() {
    this.description = {
      displayName: "Probe",
      name: "probe",
      icon: "fa:vial",
      group: ["transform"],
      version: 1,
      subtitle: "probe",
      description: "Echoes its input with the credential's base URL",
      defaults: { name: "Probe" },
      usableAsTool: true,
      inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
      outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
      credentials: [{ name: "probeApi", required: true }],
      properties: [{ displayName: "Message", name: "message", type: "string", default: "hello" }],
    };
  }
  async execute() {
    const items = this.getInputData();
    const creds = await this.getCredentials("probeApi");
    return [items.map((item, i) => ({
      json: {
        probe: true,
        message: this.getNodeParameter("message", i),
        baseUrl: creds.baseUrl,
        tokenLength: String(creds.token).length,
        input: item.json,
      },
      pairedItem: { item: i },
    }))];
  }
}
exports.Probe = Probe;
JS

if [[ -n "$broken" ]]; then
  cat >"$src/dist/nodes/Probe/Broken.node.js" <<'JS'
"use strict";
require("this-module-does-not-exist");
JS
fi

(cd "$out" && npm pack --silent --pack-destination "$out" "$src" >/dev/null)
echo "$out/n8n-nodes-probe-0.0.1.tgz"
