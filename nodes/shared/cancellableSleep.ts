import { NodeOperationError, sleep } from 'n8n-workflow';

import type { RequestContext } from './transport';

/** Waits without blocking other executions, and stops early when the execution is cancelled. */
export async function cancellableSleep(ctx: RequestContext, ms: number): Promise<void> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined;
	if (signal?.aborted) throw cancelledError(ctx);
	if (!signal) return await sleep(ms);
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(cancelledError(ctx));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

function cancelledError(ctx: RequestContext): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
}
