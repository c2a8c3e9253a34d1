/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// jest's globalSetup and globalTeardown; the workers inherit the environment set here.
const madeHere = 'N8N_DC_IDENTITY_JEST_USER_FOLDER';

export function isolateEnvironment(): void {
	// n8n-core writes its settings (an encryption key) into N8N_USER_FOLDER, by default
	// the user's own ~/.n8n: the tests keep it below a temporary folder instead.
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-dc-identity-jest-'));
		process.env[madeHere] = process.env.N8N_USER_FOLDER;
	}
	// n8n's logger prints every error that a test provokes on purpose; N8N_LOG_LEVEL=info shows them.
	process.env.N8N_LOG_LEVEL ??= 'silent';
}

export function removeTemporaryUserFolder(): void {
	const folder = process.env[madeHere];
	if (folder) rmSync(folder, { recursive: true, force: true });
}
