/**
 * Values shared by all items of one node run. n8n runs a declarative node's hooks once per item with a new context
 * each, but hands every item of one run the same execute-data object: values are kept against that object, so they
 * live exactly as long as the run (a WeakMap: nothing outlives it, no execution sees another's). Promises are kept,
 * not values, so items running at the same time share one request or one creation (single flight).
 *
 * A context without execute data (the trigger, the editor's search) gets a fresh map: nothing is shared.
 */
const valuesOfRun = new WeakMap<object, Map<string, unknown>>();

export interface RunScoped {
	getExecuteData?: () => unknown;
}

/** The map of values of this context's run (a fresh one when the context has no run). */
export function runValues(context: RunScoped | undefined): Map<string, unknown> {
	const run = context?.getExecuteData?.();
	if (run === null || typeof run !== 'object') return new Map();
	let values = valuesOfRun.get(run);
	if (!values) {
		values = new Map();
		valuesOfRun.set(run, values);
	}
	return values;
}

/** The value under `key` for this run, made by `make` the first time it is asked for. */
export function oncePerRun<T>(values: Map<string, unknown>, key: string, make: () => T): T {
	if (values.has(key)) return values.get(key) as T;
	const value = make();
	values.set(key, value);
	return value;
}
