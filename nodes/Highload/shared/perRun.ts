import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** Runs of recent executions whose values are kept; older ones are dropped first. */
const MAX_ENTRIES = 64;
const values = new Map<string, Promise<unknown>>();

/**
 * Computes a value once per node run instead of once per item (n8n runs a declarative node's hooks for every
 * item; a credential read per item costs more than the request). Keyed by execution id and node, so a value never
 * crosses executions; without an execution id nothing is cached.
 */
export async function oncePerRun<T>(context: IExecuteSingleFunctions, name: string, compute: () => Promise<T>): Promise<T> {
	const executionId = context.getExecutionId();
	if (!executionId) return await compute();
	const key = `${executionId}\u0000${context.getNode().id}\u0000${name}`;
	let value = values.get(key) as Promise<T> | undefined;
	if (!value) {
		value = compute();
		values.set(key, value);
		if (values.size > MAX_ENTRIES) values.delete(values.keys().next().value as string);
		value.catch(() => values.delete(key));
	}
	return await value;
}
