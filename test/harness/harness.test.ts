import { existsSync } from 'fs';
import { join } from 'path';
import { PackageDirectoryLoader } from 'n8n-core';

import { Engine, PACKAGE_ROOT } from '.';
import { jsonOf, useHighload } from '../support/setup';

describe('engine harness', () => {
	const t = useHighload();

	test("n8n-core's package loader loads the credential and node from dist/, with their icons", async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		expect(Object.keys(loader.credentialTypes)).toContain('highloadApi');
		expect(Object.keys(loader.nodeTypes)).toContain('highload');
		const icon = loader.nodeTypes.highload.type.description.iconUrl as { light: string; dark: string };
		expect(icon.light).toBe('icons/n8n-nodes-highload/dist/icons/highload.svg');
		for (const path of [icon.light, icon.dark]) {
			expect(existsSync(join(PACKAGE_ROOT, path.replace('icons/n8n-nodes-highload/', '')))).toBe(true);
		}
	});

	test('a trivial workflow runs through the real engine and returns items', async () => {
		const run = await t.run('account', 'get', {}, { input: [{ json: { a: 1 } }, { json: { a: 2 } }] });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)).toEqual([
			expect.objectContaining({ id: `u${t.sim.login}`, email: `${t.sim.login}@example.com` }),
			expect.objectContaining({ id: `u${t.sim.login}` }),
		]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(Object.keys(run.run.data.resultData.runData)).toEqual(['Input', 'Highload']);
	});

	test('the loader adds Request Options to the declarative node and keeps ours in it', async () => {
		const engine = await Engine.load();
		const requestOptions = engine.description('highload').properties.find((p) => p.name === 'requestOptions')!;
		const names = (requestOptions.options as Array<{ name: string }>).map((option) => option.name);
		expect(names).toEqual(expect.arrayContaining(['batching', 'timeout', 'maxConcurrentRequests', 'bandwidthRetries']));
	});
});
