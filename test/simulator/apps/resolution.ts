/**
 * resolution SAML Single Sign On 4.x: config (resolution's configuration REST documentation) and User Sync (its User Sync REST documentation).
 * Choices where the vendor is silent (kept here, easy to change):
 * - PUT and PATCH /config answer 200 with the stored config.
 * - POST /reset/entityid answers 204 (no body) and pushes a new config version (variant
 *   `resolutionResetAnswersConfig`: 200 with the configuration).
 * - DELETE /config removes the latest version only; a former version left is not active
 *   (`resolution.configActive` false) until a change saves it. GET answers it as the UI shows it
 *   (variant `resolutionInactiveAnswers404`: 404, no running configuration).
 * - The nosso switch is named `nossoEnabled` (variant `resolutionEnableNosso`: `enableNosso`).
 * - PATCH errors: malformed patch 400; path missing or failed `test` 409; wrong content type 415.
 * - Sync status reads: a RUNNING sync answers RUNNING for `statusReadsUntilDone` reads, then DONE
 *   (or FAILED with failedCount when the connector's `failWithCount` > 0).
 */
import { randomUUID } from 'node:crypto';
import type { UserSyncConnector, SyncRun } from '../data/resolution';
import { KNOWN_USERNAMES } from '../data/resolution';
import type { AppModule, JsonObject, SimRequestContext, SimResponse } from '../http';
import { clone, contentType, isObject, json, noContent, nowIso, readJson, text } from '../http';
import { applyJsonPatch, applyMergePatch, patchErrorResponse } from '../jsonPatch';

function latestConfig(ctx: SimRequestContext) {
	const versions = ctx.state.resolution.configVersions;
	if (!versions.length) return undefined;
	// The app's own name for its nosso switch, as the variant `resolutionEnableNosso` chooses it.
	versions[versions.length - 1] = answered(ctx, versions[versions.length - 1]);
	return versions[versions.length - 1];
}

const noConfig = () => json(404, { message: 'No SAML SSO configuration found.' });

/** The configuration as the app holds it: with `resolutionEnableNosso`, its nosso switch is named `enableNosso`. */
function answered(ctx: SimRequestContext, config: JsonObject): JsonObject {
	if (!ctx.state.variants.resolutionEnableNosso || !('nossoEnabled' in config)) return config;
	const renamed: JsonObject = {};
	for (const [key, value] of Object.entries(config))
		renamed[key === 'nossoEnabled' ? 'enableNosso' : key] = value;
	return renamed;
}

/** No running configuration: none stored, or (variant `resolutionInactiveAnswers404`) the former version after a DELETE. */
function runningConfig(ctx: SimRequestContext) {
	if (!ctx.state.resolution.configActive && ctx.state.variants.resolutionInactiveAnswers404)
		return undefined;
	return latestConfig(ctx);
}

function getConfig(ctx: SimRequestContext): SimResponse {
	const config = runningConfig(ctx);
	return config ? json(200, config) : noConfig();
}

function putConfig(ctx: SimRequestContext): SimResponse {
	const body = readJson(ctx);
	if (!body.ok) return body.response;
	if (!isObject(body.value))
		return json(400, { message: 'The configuration must be a JSON object.' });
	ctx.state.resolution.configVersions.push(clone(body.value));
	ctx.state.resolution.configActive = true;
	return json(200, body.value);
}

function patchConfig(ctx: SimRequestContext): SimResponse {
	const type = contentType(ctx);
	const body = readJson(ctx, ['application/json-patch+json', 'application/merge-patch+json']);
	if (!body.ok) return body.response;
	const config = runningConfig(ctx);
	if (!config) return noConfig();
	let result;
	try {
		result =
			type === 'application/json-patch+json'
				? applyJsonPatch(config, body.value)
				: applyMergePatch(config, body.value);
	} catch (error) {
		return patchErrorResponse(error);
	}
	if (!isObject(result))
		return json(400, { message: 'The patched configuration must be a JSON object.' });
	ctx.state.resolution.configVersions.push(result);
	ctx.state.resolution.configActive = true;
	return json(200, result);
}

function deleteConfig(ctx: SimRequestContext): SimResponse {
	if (!runningConfig(ctx) || !ctx.state.resolution.configVersions.pop()) return noConfig();
	// Only the latest version is deleted; a former one is shown, not active until saved.
	ctx.state.resolution.configActive = false;
	return noContent();
}

function resetEntityId(ctx: SimRequestContext): SimResponse {
	const config = runningConfig(ctx);
	if (!config) return noConfig();
	const reset = { ...clone(config), entityId: `${ctx.baseUrl}/plugins/servlet/samlsso` };
	ctx.state.resolution.configVersions.push(reset);
	ctx.state.resolution.configActive = true;
	return ctx.state.variants.resolutionResetAnswersConfig ? json(200, reset) : noContent();
}

function findConnector(ctx: SimRequestContext): UserSyncConnector | undefined {
	return ctx.state.resolution.connectors.find((c) => c.id === ctx.params.id);
}

const unknownConnector = (ctx: SimRequestContext) =>
	json(404, { message: `Connector ${ctx.params.id} not found` });

function statusView(run: SyncRun, connector: UserSyncConnector | undefined) {
	return {
		status: run.status,
		addedCount: run.addedCount,
		resultCount: run.resultCount,
		notModifiedCount: run.notModifiedCount,
		failedCount: run.failedCount,
		updatedCount: run.updatedCount,
		deletedCount: run.deletedCount,
		filteredCount: run.filteredCount,
		messages: run.messages,
		clusterNode: 'NOT_CLUSTERED',
		connectorUID: connector?.uid ?? run.connectorId,
		lastModified: run.lastModified,
		created: run.created,
		duration: run.status === 'RUNNING' ? 0 : 1234,
		id: run.id,
	};
}

function finish(
	ctx: SimRequestContext,
	run: SyncRun,
	connector: UserSyncConnector | undefined,
): void {
	const users =
		ctx.state.resolution.directories.find((d) => d.id === connector?.directoryId)?.users.length ??
		0;
	const failed = connector?.failWithCount ?? 0;
	run.status = failed > 0 ? 'FAILED' : 'DONE';
	run.resultCount = users;
	run.failedCount = failed;
	run.updatedCount = Math.min(2, users);
	run.notModifiedCount = Math.max(0, users - run.updatedCount - failed);
	run.lastModified = nowIso();
	if (failed > 0)
		run.messages.push(`${failed} users could not be synchronized: Connection timed out`);
	run.messages.push('Skipping admin or sysadmin <admin>');
}

/** A status read of a running sync moves it on. */
function readStatus(ctx: SimRequestContext, run: SyncRun): SimResponse {
	const connector = ctx.state.resolution.connectors.find((c) => c.id === run.connectorId);
	if (run.status === 'RUNNING') {
		run.reads += 1;
		if (run.reads > (connector?.statusReadsUntilDone ?? 0)) finish(ctx, run, connector);
	}
	return json(200, statusView(run, connector));
}

function connectorStatus(ctx: SimRequestContext): SimResponse {
	if (!findConnector(ctx)) return unknownConnector(ctx);
	const runs = ctx.state.resolution.syncs.filter((s) => s.connectorId === ctx.params.id);
	if (!runs.length) return json(404, { message: 'No sync found for this connector' });
	const latest = runs[runs.length - 1];
	if ((latest.lagReads ?? 0) > 0 && runs.length > 1) {
		latest.lagReads = (latest.lagReads ?? 0) - 1;
		return readStatus(ctx, runs[runs.length - 2]);
	}
	return readStatus(ctx, latest);
}

function syncStatus(ctx: SimRequestContext): SimResponse {
	const run = ctx.state.resolution.syncs.find((s) => String(s.id) === ctx.params.syncId);
	return run ? readStatus(ctx, run) : json(404, { message: `Sync ${ctx.params.syncId} not found` });
}

function startSync(ctx: SimRequestContext): SimResponse {
	const connector = findConnector(ctx);
	if (!connector) return unknownConnector(ctx);
	const res = ctx.state.resolution;
	const jobId = randomUUID();
	if (!res.directories.some((d) => d.id === connector.directoryId)) {
		return text(
			200,
			`Scheduled with jobid ${jobId}\nDirectory ${connector.directoryId} does not exists`,
		);
	}
	const now = nowIso();
	const run: SyncRun = {
		id: res.nextSyncId++,
		connectorId: connector.id,
		jobId,
		status: 'RUNNING',
		reads: 0,
		addedCount: 0,
		resultCount: 0,
		notModifiedCount: 0,
		failedCount: 0,
		updatedCount: 0,
		deletedCount: 0,
		filteredCount: 0,
		messages: [`Scheduled with jobid ${jobId}`],
		created: now,
		lastModified: now,
		lagReads: connector.statusLagReads,
	};
	res.syncs.push(run);
	if (connector.statusReadsUntilDone <= 0) finish(ctx, run, connector);
	if (connector.syncAnswer === 'text') return text(200, `Scheduled with jobid ${jobId}`);
	return json(200, { ...statusView(run, connector), jobId });
}

function syncSingle(ctx: SimRequestContext): SimResponse {
	const connector = findConnector(ctx);
	if (!connector) return unknownConnector(ctx);
	const username = ctx.params.username;
	if (!KNOWN_USERNAMES.includes(username))
		return json(404, { message: `User ${username} not found in the identity provider` });
	const directory = ctx.state.resolution.directories.find((d) => d.id === connector.directoryId);
	if (!directory)
		return json(404, { message: `Directory ${connector.directoryId} does not exists` });
	const added = !directory.users.includes(username);
	if (added) directory.users.push(username);
	const now = nowIso();
	return json(200, {
		status: 'DONE',
		addedCount: added ? 1 : 0,
		resultCount: 1,
		notModifiedCount: 0,
		failedCount: 0,
		updatedCount: added ? 0 : 1,
		deletedCount: 0,
		filteredCount: 0,
		messages: [`User ${username} ${added ? 'added' : 'updated'}`],
		clusterNode: 'NOT_CLUSTERED',
		connectorUID: connector.uid,
		lastModified: now,
		created: now,
		duration: 0,
		username,
	});
}

function getConnector(ctx: SimRequestContext): SimResponse {
	const c = findConnector(ctx);
	if (!c) return unknownConnector(ctx);
	return json(200, {
		id: c.id,
		connectorUID: c.uid,
		name: c.name,
		type: c.type,
		directoryId: c.directoryId,
		enabled: true,
		scheduled: true,
		cronExpression: '0 0 2 * * ?',
	});
}

function deleteDirectory(ctx: SimRequestContext): SimResponse {
	const res = ctx.state.resolution;
	const index = res.directories.findIndex((d) => String(d.id) === ctx.params.directoryId);
	if (index < 0) return json(404, { message: `Directory ${ctx.params.directoryId} not found` });
	res.directories.splice(index, 1);
	return noContent();
}

export const resolutionApp: AppModule = {
	prefix: '/rest/samlsso-admin/1.0',
	forbidden: () =>
		json(403, {
			message:
				'You are not authorized to perform this operation. Only system administrators are allowed.',
		}),
	routes: [
		{ method: 'GET', pattern: '/config', access: 'admin', handler: getConfig },
		{ method: 'PUT', pattern: '/config', access: 'admin', handler: putConfig },
		{ method: 'PATCH', pattern: '/config', access: 'admin', handler: patchConfig },
		{ method: 'DELETE', pattern: '/config', access: 'admin', handler: deleteConfig },
		{ method: 'POST', pattern: '/reset/entityid', access: 'admin', handler: resetEntityId },
		{ method: 'GET', pattern: '/usersync/connector/:id', access: 'admin', handler: getConnector },
		{
			method: 'GET',
			pattern: '/usersync/connector/:id/syncstatus',
			access: 'admin',
			handler: connectorStatus,
		},
		{
			method: 'GET',
			pattern: '/usersync/syncstatus/:syncId',
			access: 'admin',
			handler: syncStatus,
		},
		{
			method: 'POST',
			pattern: '/usersync/connector/:id/sync',
			access: 'admin',
			handler: startSync,
		},
		{
			method: 'POST',
			pattern: '/usersync/connector/:id/syncsingle/:username',
			access: 'admin',
			handler: syncSingle,
		},
		{
			method: 'DELETE',
			pattern: '/directory/:directoryId',
			access: 'admin',
			handler: deleteDirectory,
		},
	],
};
