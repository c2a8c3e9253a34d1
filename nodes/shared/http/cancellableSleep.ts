import { NodeOperationError, sleep, type IExecuteFunctions } from 'n8n-workflow';

/** A poll context has no cancel signal: then it simply waits. */
type CancellableContext = Pick<IExecuteFunctions, 'getNode'> &
	Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>;

/** Waits without blocking other executions, and stops early when the execution is cancelled. */
export async function cancellableSleep(ctx: CancellableContext, ms: number): Promise<void> {
	const signal = ctx.getExecutionCancelSignal?.();
	if (signal?.aborted) throw cancelledError(ctx);
	if (!signal) return await sleep(ms);
	// n8n's sleep clears its timer when the signal aborts; the race also ends the wait on
	// n8n versions whose sleep takes no signal.
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(cancelledError(ctx));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	const waited = sleep(ms, signal);
	waited.catch(() => undefined);
	try {
		await Promise.race([waited, aborted]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

function cancelledError(ctx: CancellableContext): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
}
