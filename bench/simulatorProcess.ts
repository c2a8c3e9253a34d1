/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The simulator in its own process, so that its work does not share the measured client's main thread. */
export async function startSimulatorProcess(
	args: string[],
): Promise<{ url: string; child: ChildProcess }> {
	const root = join(__dirname, '..');
	const child = spawn(
		join(root, 'node_modules', '.bin', 'tsx'),
		['test/simulator/main.ts', ...args],
		{
			cwd: root,
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on (\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
	});
	return { url, child };
}

export const ADMIN_BASIC = `Basic ${Buffer.from('admin:admin-password').toString('base64')}`;
/** The simulator's sysadmin, as the benchmarks' credential. */
export const ADMIN_CREDENTIALS = {
	authentication: 'basicAuth',
	username: 'admin',
	password: 'admin-password',
};
