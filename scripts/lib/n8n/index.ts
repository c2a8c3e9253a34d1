/** The toolchain for real n8n in one import: see README.md in this folder for the API. */
export { logger, secondsSince, type Log } from './log';
export { answers, sleep, waitFor, WaitError, type WaitOptions } from './wait';
export { freePort, pickPort, portFree, portOwnedBy, releasePorts } from './ports';
export {
	atExit,
	cleanupAll,
	groupAlive,
	keepFolder,
	removeAtExit,
	run,
	runMain,
	runOk,
	spawnGroup,
	stopGroup,
	killGroup,
	type Group,
} from './processes';
export { startOwnedServer, tail } from './owned-server';
export { lockFile, type Lock } from './lock';
export {
	CACHE,
	cleanNpmEnv,
	machineNode,
	n8nInstall,
	N8N1_DIR,
	N8N1_VERSION,
	N8N2_DIR,
	N8N2_VERSION,
	NODE24_BIN,
	NODE24_DIR,
	provisionN8n,
	provisionNode24,
	provisionStatus,
	recordedInstallSeconds,
	type N8nInstall,
} from './provision';
export {
	createInstance,
	DEFAULT_OWNER,
	instanceFor,
	LOAD_ERROR_PATTERN,
	N8nInstance,
	N8nProcess,
	type InstanceOptions,
	type StartOptions,
} from './instance';
export {
	executionError,
	N8nRest,
	N8nRestError,
	nodeOutput,
	type CredentialInput,
	type Execution,
	type ExecutionData,
	type ExecutionSummary,
	type Owner,
	type Workflow,
	type WorkflowInput,
} from './rest';
export { CONFIG_HISTORY_TABLE, ensureConfigHistoryTable, withDataTable } from './exampleTables';
export { breakPackage, packageName, packRepo, REPO } from './pack';
export { startSimulator, type SimulatorOptions, type SimulatorProcess } from './simulator';
