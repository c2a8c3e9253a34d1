/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A minimal community package, n8n-nodes-probe, written by hand (built JS, no build step), to
 * prove the n8n machinery without the real package. Node type n8n-nodes-probe.probe (usableAsTool),
 * credential type probeApi. `broken`: a second node requires a module that does not exist (n8n
 * then drops the whole package). Returns the packed tarball's path.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { logger } from './log';
import { runOk } from './processes';

const CREDENTIAL = `"use strict";
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
`;

const NODE = `"use strict";
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
`;

export async function writeProbePackage(outDir: string, broken = false): Promise<string> {
	const out = resolve(outDir);
	const src = join(out, 'n8n-nodes-probe');
	rmSync(src, { recursive: true, force: true });
	mkdirSync(join(src, 'dist', 'nodes', 'Probe'), { recursive: true });
	mkdirSync(join(src, 'dist', 'credentials'), { recursive: true });
	logger('probe')(`writing n8n-nodes-probe${broken ? ' (broken)' : ''} in ${src}`);
	const nodes = [
		'dist/nodes/Probe/Probe.node.js',
		...(broken ? ['dist/nodes/Probe/Broken.node.js'] : []),
	];
	const manifest = {
		name: 'n8n-nodes-probe',
		version: '0.0.1',
		description: 'Probe package for the e2e machinery',
		license: 'MIT',
		keywords: ['n8n-community-node-package'],
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: ['dist/credentials/ProbeApi.credentials.js'],
			nodes,
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
	writeFileSync(join(src, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	writeFileSync(join(src, 'dist', 'credentials', 'ProbeApi.credentials.js'), CREDENTIAL);
	writeFileSync(join(src, 'dist', 'nodes', 'Probe', 'Probe.node.js'), NODE);
	if (broken)
		writeFileSync(
			join(src, 'dist', 'nodes', 'Probe', 'Broken.node.js'),
			'"use strict";\nrequire("this-module-does-not-exist");\n',
		);
	await runOk('npm', ['pack', '--silent', '--pack-destination', out, src], { cwd: out });
	return join(out, 'n8n-nodes-probe-0.0.1.tgz');
}
