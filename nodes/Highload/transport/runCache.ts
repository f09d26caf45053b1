import type { IDataObject } from 'n8n-workflow';

import { valuesOfRun } from './processState';

/**
 * Values shared by all items of one node run. n8n runs a declarative node's hooks once per item with a new context
 * each, but hands every item of one run the same execute-data object: values are kept against that object
 * (valuesOfRun, processState.ts), so they live exactly as long as the run and no execution sees another's. Promises
 * are kept, not values, so items running at the same time share one request or one creation (single flight).
 *
 * A context without execute data (the trigger, the editor's search) gets a fresh map: nothing is shared.
 */
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

/** What `onceUnlessFound` gives every item that shares a key: the records, and whether they were there already. */
interface Flight {
	records: IDataObject[];
	existed: boolean;
}

/** The steps of `onceUnlessFound`: list what is there (once per run), find the item's thing in it, or make it. */
export interface FindOrMake<L> {
	list: () => Promise<L>;
	find: (listed: L) => Promise<IDataObject[] | undefined>;
	make: () => Promise<IDataObject[]>;
}

/**
 * "Make it once, unless it is there already", shared by the items of a run: the first item with `keys.flight` looks
 * in the run's listing (made once under `keys.listing`) and, when nothing is found, makes it; every item with the
 * same key gets the same records, marked `skipped: true` when they were there or another item of the run made them.
 * A failure is not kept (nor the listing), so Retry On Fail or the next run looks again.
 */
export async function onceUnlessFound<L>(values: Map<string, unknown>, keys: { flight: string; listing: string }, steps: FindOrMake<L>): Promise<IDataObject[]> {
	const running = values.get(keys.flight) as Promise<Flight> | undefined;
	if (running) return (await running).records.map((record) => ({ ...record, skipped: true }));
	const flight = (async (): Promise<Flight> => {
		const found = await steps.find(await oncePerRun(values, keys.listing, steps.list));
		return found ? { records: found, existed: true } : { records: await steps.make(), existed: false };
	})();
	values.set(keys.flight, flight);
	flight.catch(() => {
		values.delete(keys.flight);
		values.delete(keys.listing);
	});
	const { records, existed } = await flight;
	return records.map((record) => ({ ...record, skipped: existed }));
}
