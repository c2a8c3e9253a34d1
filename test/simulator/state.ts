/** Builds the seed state of the whole instance. */
import { seedAuthconfig } from './data/authconfig';
import { seedDeviniti } from './data/deviniti';
import { seedKantega } from './data/kantega';
import { seedResolution } from './data/resolution';
import type { AppName, ResolvedOptions, SimulatorOptions, SimulatorState, Variants } from './types';

export const ALL_APPS: AppName[] = ['resolution', 'deviniti', 'kantega', 'authconfig'];

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
	const contextPath = (options.contextPath ?? '').replace(/\/+$/, '');
	return {
		port: options.port ?? 0,
		contextPath: contextPath && !contextPath.startsWith('/') ? `/${contextPath}` : contextPath,
		product: options.product ?? 'jira',
		adUsers: options.adUsers ?? 1200,
		adMaxPageSize: options.adMaxPageSize ?? 1000,
		latencyMs: options.latencyMs ?? 0,
		installedApps: options.installedApps ?? ALL_APPS,
		captchaAfterFailures: options.captchaAfterFailures ?? 3,
		rateLimit: options.rateLimit ?? null,
	};
}

/** Every variant off: the answers the vendors document. */
export const NO_VARIANTS: Readonly<Variants> = {
	allowEncodedSlash: false,
	emptyMutationAnswers: false,
	ignorePaging: false,
	replaceNestedObjects: false,
	kantegaGroupsAsObjects: false,
	resolutionEnableNosso: false,
	resolutionResetAnswersConfig: false,
	resolutionInactiveAnswers404: false,
	kantegaReplaceBodyName: false,
	devinitiListUserKeys: false,
};

export function createState(options: ResolvedOptions, baseUrl: string): SimulatorState {
	return {
		product: options.product,
		baseUrl,
		installedApps: [...options.installedApps],
		loginFailures: {},
		captchaAfterFailures: options.captchaAfterFailures,
		latencyMs: options.latencyMs,
		variants: { ...NO_VARIANTS },
		rateLimit: options.rateLimit ? { ...options.rateLimit } : null,
		resolution: seedResolution(),
		deviniti: seedDeviniti(options.adUsers, options.adMaxPageSize),
		kantega: seedKantega(),
		authconfig: seedAuthconfig(),
	};
}
