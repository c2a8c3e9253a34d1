import { NodeOperationError, type ICredentialsDecrypted } from 'n8n-workflow';

import { authQueryOf } from './authorization';
import { checkBaseUrl } from './baseUrl';
import { cancellableSleep } from './cancellableSleep';
import { CREDENTIAL_TYPE, DEFAULT_CONCURRENCY } from './constants';
import type { TransportContext } from './context';
import { RequestGate } from './requestGate';

/** The credential as one run uses it: read and checked once, however many requests and items the run has. */
export interface RunCredential {
	baseUrl: string;
	ignoreSSLIssues: boolean;
	/** Handed to n8n's request helper so that it does not load and decrypt the credential again per request. */
	decrypted: ICredentialsDecrypted;
	/** Added to every request's query: `os_authType=basic` when the credential asks for it (Basic auth only). */
	authQuery: Record<string, string>;
}

/** What the item loop remembers of the node's parameters during one run (see node/itemParameter.ts). */
export interface ParameterMemo {
	/** The node's parameters as the workflow holds them, read once. */
	raw?: unknown;
	/** Values without any expression, by parameter name: the same for every item. */
	fixed: Map<string, unknown>;
	/** The field path of each `={{ $json.… }}` expression seen, or null when it is another expression. */
	fieldPaths: Map<string, string[] | null>;
}

/**
 * What a poll may spend on its requests, waits included: n8n polls at most once a minute, so a poll that
 * waited longer (a slow server, a long Retry-After) would run into the next one. What does not fit is
 * reported, and the next poll tries again.
 */
export const POLL_BUDGET_MS = 45_000;

/** A trigger's poll (n8n's poll context is the only one that can emit). */
function isPoll(ctx: TransportContext): boolean {
	return '__emit' in ctx;
}

/**
 * One node run (an action node's execution, a poll, a list search): its credential, its one request gate,
 * what it remembers of its parameters and what it looked up, all let go with the run's context.
 */
export class Run {
	private credentialOnce: Promise<RunCredential> | undefined;
	private gateOnce: RequestGate | undefined;
	readonly parameters: ParameterMemo = { fixed: new Map(), fieldPaths: new Map() };
	/** What the run has looked up on the server, by a key of the operation's choosing (AD user keys by username). */
	readonly lookups = new Map<string, Promise<string>>();
	/** How many requests the run keeps in flight, asked when its first request is sent. */
	maxInFlight: () => number = () => DEFAULT_CONCURRENCY;

	/** When a poll's budget ends (undefined: no budget, as for an action node's execution). */
	readonly deadline: number | undefined;

	constructor(private readonly ctx: TransportContext) {
		this.deadline = isPoll(ctx) ? Date.now() + POLL_BUDGET_MS : undefined;
	}

	/** Whether waiting `ms` now still ends within the run's budget. */
	mayWait(ms: number): boolean {
		return this.deadline === undefined || Date.now() + ms <= this.deadline;
	}

	/** The longest a request may take now: what is left of a poll's budget (at least a second), else no bound. */
	requestTimeout(): number | undefined {
		return this.deadline === undefined ? undefined : Math.max(1000, this.deadline - Date.now());
	}

	async credential(): Promise<RunCredential> {
		if (!this.credentialOnce) {
			this.credentialOnce = readCredential(this.ctx);
			this.credentialOnce.catch(() => (this.credentialOnce = undefined));
		}
		return await this.credentialOnce;
	}

	/** Every request of the run passes this gate (all items and pages together). */
	gate(): RequestGate {
		this.gateOnce ??= new RequestGate(this.maxInFlight(), async (ms) => {
			if (!this.mayWait(ms)) throw this.outOfTime(ms);
			await cancellableSleep(this.ctx, ms);
		});
		return this.gateOnce;
	}

	/** A poll whose next request would have to wait past its budget for Data Center's rate limit. */
	outOfTime(ms: number): NodeOperationError {
		return new NodeOperationError(
			this.ctx.getNode(),
			`Rate limited by Data Center: the next request may go in ${Math.ceil(ms / 1000)} s, after this poll's time`,
			{
				description:
					'Nothing more was sent at this poll; the trigger tries again at its next poll.',
			},
		);
	}
}

const runs = new WeakMap<TransportContext, Run>();

/** The run of this context: n8n gives every node run (and every poll and list search) its own context. */
export function runOf(ctx: TransportContext): Run {
	let run = runs.get(ctx);
	if (!run) runs.set(ctx, (run = new Run(ctx)));
	return run;
}

async function readCredential(ctx: TransportContext): Promise<RunCredential> {
	const data = await ctx.getCredentials(CREDENTIAL_TYPE);
	const base = checkBaseUrl(data.baseUrl);
	if (!base.ok)
		throw new NodeOperationError(ctx.getNode(), base.message, {
			description: `Nothing was sent. ${base.description}`,
		});
	return {
		baseUrl: base.baseUrl,
		ignoreSSLIssues: data.ignoreSSLIssues === true,
		decrypted: {
			id: ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '',
			name: CREDENTIAL_TYPE,
			type: CREDENTIAL_TYPE,
			data,
		},
		authQuery: authQueryOf(data),
	};
}
