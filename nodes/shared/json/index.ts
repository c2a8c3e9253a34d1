/** JSON: diff, patch, summaries, secrets and certificates in what the nodes read and the trigger stores. */
export * from './certificate';
export * from './diffSummary';
export * from './json';
export * from './jsonDiff';
export * from './jsonPatchApply';
export * from './redactSecrets';
export * from './secretFields';
