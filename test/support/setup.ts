import type { INodeParameters } from 'n8n-workflow';

import { Engine, type NodeRun } from '../harness';
import type { InputItem } from '../harness';
import { HighloadSimulator, type SimulatorOptions } from '../simulator';

/** A resource locator value as n8n saves it in a workflow. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
export const byPath = (value: string) => ({ __rl: true, mode: 'path', value });

export interface TestContext {
	sim: HighloadSimulator;
	engine: Engine;
	/** Runs the Highload node once with these parameters (plus resource/operation) over `input` items. */
	run(
		resource: string,
		operation: string,
		parameters?: INodeParameters,
		options?: { input?: InputItem[]; continueOnFail?: boolean; retryOnFail?: boolean },
	): Promise<NodeRun>;
	/** The Highload Trigger, activated: repeated polls share static data, saved as JSON after each successful poll. */
	poller(parameters: INodeParameters, mode?: 'trigger' | 'manual'): ReturnType<Engine['poller']>;
}

/** One engine per test file, a fresh simulator per test (state and request counts never leak between tests). */
export function useHighload(options: SimulatorOptions = {}): TestContext {
	const context = {} as TestContext;
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
	context.run = async (resource, operation, parameters = {}, runOptions = {}) =>
		await context.engine.runNode({ parameters: { resource, operation, ...parameters }, ...runOptions });
	context.poller = (parameters, mode = 'trigger') => context.engine.poller({ parameters, mode });
	return context;
}

/** The whole run as text: anything a user could see or n8n could store. */
export const runText = (run: NodeRun) => JSON.stringify(run.run, (_key, value) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value));

export const jsonOf = (run: NodeRun) => run.items.map((item) => item.json);
