/** Public types of the simulator (re-exported by index.ts). */
import type { AuthconfigState } from './data/authconfig';
import type { DevinitiState } from './data/deviniti';
import type { KantegaState } from './data/kantega';
import type { ResolutionState } from './data/resolution';

export type Product = 'jira' | 'confluence' | 'bitbucket';
export type AppName = 'resolution' | 'deviniti' | 'kantega' | 'authconfig';

export interface SimulatorOptions {
	/** 0 = random free port (default). */
	port?: number;
	/** '' (default) or e.g. '/jira'; all routes live under it. */
	contextPath?: string;
	/** Default 'jira'. */
	product?: Product;
	/** Number of AD users in Deviniti's data, default 1200. */
	adUsers?: number;
	/** Server-side cap of ?size= for Deviniti paging, default 1000. */
	adMaxPageSize?: number;
	/** Added to every recorded request, default 0. */
	latencyMs?: number;
	/** Default: all four. */
	installedApps?: AppName[];
	/** Failed Basic logins before the account is CAPTCHA-locked, default 3. */
	captchaAfterFailures?: number;
	/** Rate-limit every user as Jira Data Center does (off by default). */
	rateLimit?: RateLimitConfig | null;
	/** Serve HTTPS with this key and certificate (PEM), e.g. a self-signed one. */
	tls?: { key: string; cert: string };
}

/** The options with their defaults filled in (TLS stays optional). */
export type ResolvedOptions = Required<Omit<SimulatorOptions, 'tls'>>;

/** A token bucket per user: at most `limit` tokens, `fillRate` added every `intervalSeconds`. */
export interface RateLimitConfig {
	limit: number;
	fillRate: number;
	intervalSeconds: number;
	/** false: only the 429's Retry-After, no X-RateLimit headers (a gateway that limits without saying how); default true. */
	headers?: boolean;
	/**
	 * 'batch' (default): all `fillRate` tokens at once at each interval boundary, as Atlassian's "Rate limiting" page
	 * for Data Center describes; 'continuous': added bit by bit over the interval (a plausible other implementation).
	 */
	refill?: 'batch' | 'continuous';
	/** X-RateLimit-Remaining reports this many tokens more than are left (at most `limit`), as a stale count would; default 0. */
	remainingLag?: number;
}

export interface RecordedRequest {
	method: string;
	/** Path exactly as received, still percent-encoded, context path included, no query. */
	rawPath: string;
	/** rawPath with the context path removed, still encoded. */
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** 0 when the connection was reset before answering. */
	status: number;
	/** Authenticated username. */
	user?: string;
	/** Which TCP connection carried it: requests that share a number came over one kept-open connection. */
	connection: number;
}

export type FaultKind =
	| 'latency'
	| 'rateLimit'
	| 'unavailable'
	| 'connectionReset'
	| 'htmlLogin'
	| 'redirect'
	| 'captcha'
	| 'basicDisabled'
	| 'websudo'
	| 'truncatedJson'
	| 'serverError'
	| 'rateLimitNoRetryAfter'
	| 'emptyBody'
	| 'connectionResetAfterProcessing'
	| 'appNotInstalled';

export interface Fault {
	kind: FaultKind;
	/** How many matching requests it affects; default unlimited. */
	times?: number;
	/** How many matching requests pass untouched before it starts (e.g. 1: the second matching request); default 0. */
	skip?: number;
	/** Substring of the raw (encoded) request path, context path included. */
	pathIncludes?: string;
	/** HTTP method, case-insensitive. */
	method?: string;
	retryAfterSeconds?: number;
	/** For 'latency'. */
	ms?: number;
}

/**
 * Switches for answers real Tomcat and real app versions give besides the vendors' documentation (see README, "Variants").
 * All false by default: the default is Tomcat's own behaviour and the documented answers.
 */
export interface Variants {
	/** Tomcat refuses `%2F` / `%5C` in a path with a bare HTML 400 by default; true = an instance that allows them. */
	allowEncodedSlash: boolean;
	/** Every change the app answers 200 with a body is answered 204 with no body instead (e.g. DELETE /idps/{id}). */
	emptyMutationAnswers: boolean;
	/** The paged lists (authconfig /idps, Deviniti /user) ignore `start`/`page`: always the first page, never the last. */
	ignorePaging: boolean;
	/** PATCH /idps/{id} replaces `jit-configuration` whole instead of merging the fields sent. */
	replaceNestedObjects: boolean;
	/** Kantega's managed-group list answers `{"groups": [{"name": …}]}` instead of an array of names. */
	kantegaGroupsAsObjects: boolean;
	/** resolution's configuration names its nosso switch `enableNosso` (in every answer) instead of `nossoEnabled`. */
	resolutionEnableNosso: boolean;
	/** resolution's `POST /reset/entityid` answers 200 with the configuration instead of 204 with no body. */
	resolutionResetAnswersConfig: boolean;
	/** After a DELETE leaves a former (not active) version, resolution's `GET /config` answers 404 instead of that version. */
	resolutionInactiveAnswers404: boolean;
	/** Kantega's replace reads the new name from `{"name": …}`; another body is answered 204 and changes nothing. */
	kantegaReplaceBodyName: boolean;
	/** Deviniti's user lists give each element's `userKey` too (its documentation's examples show only `username`). */
	devinitiListUserKeys: boolean;
}

/** The live, JSON-serialisable in-memory state of the instance and its apps. */
export interface SimulatorState {
	product: Product;
	/** http://127.0.0.1:<port><contextPath> */
	baseUrl: string;
	installedApps: AppName[];
	/** Failed Basic logins per username (CAPTCHA lock when >= captchaAfterFailures). */
	loginFailures: Record<string, number>;
	captchaAfterFailures: number;
	latencyMs: number;
	variants: Variants;
	/** null: no rate limiting. */
	rateLimit: RateLimitConfig | null;
	resolution: ResolutionState;
	deviniti: DevinitiState;
	kantega: KantegaState;
	authconfig: AuthconfigState;
}

export interface Simulator {
	/** http://127.0.0.1:<port><contextPath> (no trailing slash). */
	url: string;
	port: number;
	/** Every request except the control endpoints. */
	requests: RecordedRequest[];
	state: SimulatorState;
	setFault(fault: Fault): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	/** State back to the seed data; faults, requests and login failures cleared. */
	reset(): void;
	close(): Promise<void>;
}

export type { AuthconfigState, DevinitiState, KantegaState, ResolutionState };
