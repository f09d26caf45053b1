import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Engine } from '../harness';
import { HighloadSimulator, type SimulatorOptions } from '../simulator';

/** A resource locator value as n8n saves it in a workflow. */
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

export interface TriggerContext {
	sim: HighloadSimulator;
	engine: Engine;
	/** An activated trigger: repeated polls share the static data, saved as JSON after each successful poll. */
	poller(parameters: INodeParameters, mode?: 'trigger' | 'manual'): ReturnType<Engine['poller']>;
}

/** One simulator per test, one engine per file. */
export function useTrigger(options: SimulatorOptions = {}): TriggerContext {
	const context = {} as TriggerContext;
	let engine: Engine | undefined;
	beforeEach(async () => {
		engine ??= await Engine.load();
		context.sim = await HighloadSimulator.start(options);
		context.engine = engine;
		engine.setCredential({ login: context.sim.login, apiKey: context.sim.key, baseUrl: context.sim.url });
	});
	afterEach(async () => {
		await context.sim.close();
	});
	context.poller = (parameters, mode = 'trigger') => context.engine.poller({ parameters, mode });
	return context;
}

/** The emitted items' json, or [] for a poll that emitted nothing (returned null). */
export const emitted = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json);

export const idsOf = (items: Array<{ json: IDataObject }> | null) => emitted(items).map((json) => String(json.id)).sort();

/** What a poll threw (fails the test if it did not throw). */
export async function pollError(poll: () => Promise<unknown>): Promise<Error & { description?: string; httpCode?: string }> {
	try {
		await poll();
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string };
	}
	throw new Error('expected the poll to throw');
}

/** The static data's size as n8n stores it (JSON). */
export const stateBytes = (staticData: IDataObject) => Buffer.byteLength(JSON.stringify(staticData));

/** The trigger node's own part of the workflow's static data (n8n keys it `node:<node name>`). */
export const nodeState = (staticData: IDataObject) => (staticData['node:Highload Trigger'] ?? {}) as IDataObject;
