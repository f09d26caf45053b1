/**
 * The running n8n server with the package installed: node types and credential listed, icons served, the
 * trigger example's "fetch test event", and a browser check of the editor (headless Debian Chromium).
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/lib/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { killAll } = require('../../scripts/lib/procs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../scripts/lib/local-services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const examples = require('../../scripts/lib/examples');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshInstance, screenshotDirs } = require('./e2e-context');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launch } = require('../../scripts/lib/browser');

let inst: any;
let sandbox: any;
const all = examples.loadAll();

beforeAll(async () => {
	inst = await freshInstance('editor');
	sandbox = await startSandbox({ seedData: true });
	const credential = examples.SANDBOX_CREDENTIAL;
	await n8n.importCredentials(inst, [examples.credentialFor(sandbox.sim, credential)]);
	await n8n.importWorkflows(inst, [
		examples.prepare(all.alert, { credential }),
		examples.prepare(all.cleanup, { credential }),
	]);
	await n8n.startServer(inst);
	await n8n.ensureOwner(inst);
});

afterAll(async () => {
	if (inst) await n8n.stopServer(inst);
	if (sandbox) await sandbox.close();
	await killAll();
});

function iconPaths(iconUrl: unknown): string[] {
	if (!iconUrl) return [];
	if (typeof iconUrl === 'string') return [iconUrl];
	return Object.values(iconUrl as Record<string, string>);
}

describe('node types in real n8n', () => {
	test('both nodes and the credential are listed, with the package prefix, and their icons are served', async () => {
		const nodes: any[] = await n8n.rest(inst, 'GET', '/types/nodes.json');
		const action = nodes.find((t) => t.name === n8n.NODE_TYPE);
		const trigger = nodes.find((t) => t.name === n8n.TRIGGER_TYPE);
		expect(action).toBeDefined();
		expect(trigger).toBeDefined();
		expect(trigger.polling).toBe(true);
		expect(action.properties.map((p: any) => p.name)).toEqual(expect.arrayContaining(['resource', 'operation']));

		const creds: any[] = await n8n.rest(inst, 'GET', '/types/credentials.json');
		const cred = creds.find((c) => c.name === n8n.CREDENTIAL_TYPE);
		expect(cred).toBeDefined();

		const icons = [...iconPaths(action.iconUrl), ...iconPaths(trigger.iconUrl), ...iconPaths(cred.iconUrl)];
		expect(icons.length).toBeGreaterThanOrEqual(3);
		for (const icon of new Set(icons)) {
			const res = await n8n.rest(inst, 'GET', `/${icon}`, undefined, { raw: true });
			expect([icon, res.status]).toEqual([icon, 200]);
			expect(res.headers.get('content-type')).toMatch(/svg/);
			expect(res.text).toMatch(/<svg/);
		}

		// The endpoint the editor calls for one node's full description.
		const described: any[] = await n8n.rest(inst, 'POST', '/rest/node-types', { nodeInfos: [{ name: n8n.NODE_TYPE, version: 1 }] });
		expect(described).toHaveLength(1);
		expect(described[0].displayName).toBe(action.displayName);
		expect(described[0].properties.map((p: any) => p.name)).toEqual(expect.arrayContaining(['resource', 'operation']));
	});
});

describe('example 4: New file alert (trigger, via "fetch test event")', () => {
	test('the trigger returns recent files with their links and the Set node builds the message', async () => {
		const triggerName = 'New file on Highload';
		const ex = await n8n.runTriggerTestEvent(inst, all.alert.id, triggerName);
		expect(ex.error).toBeUndefined();
		const items = ex.items(triggerName);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(typeof item.name).toBe('string');
			expect(item.link).toMatch(/^https?:\/\//);
			expect(typeof item.size).toBe('number');
		}
		const known = new Set([...sandbox.sim.state.files.keys()]);
		expect(items.every((i: any) => known.has(i.id))).toBe(true);

		const full = await n8n.runTriggerTestEvent(inst, all.alert.id, triggerName, { destination: 'Build message' });
		expect(full.error).toBeUndefined();
		const messages = full.items('Build message');
		expect(messages.length).toBe(full.items(triggerName).length);
		expect(messages[0].message).toContain(messages[0].link);
		expect(messages[0].message).toMatch(/^New file on Highload: /);
	});
});

describe('editor in headless Chromium', () => {
	test('opens the Highload node: icon, resource and operation pickers, a resource locator', async () => {
		const shots = screenshotDirs();
		const save = async (page: any, name: string) => {
			const buf = await page.screenshot();
			for (const d of shots) fs.writeFileSync(path.join(d, name), buf);
		};
		const browser = await launch();
		try {
			const page = await browser.context.newPage();
			await browser.context.addCookies([{ name: 'n8n-auth', value: inst.cookie, url: inst.url }]);
			await page.goto(`${inst.url}/workflow/${all.cleanup.id}`, { waitUntil: 'domcontentloaded' });
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'List all files' }).first();
			await node.waitFor({ state: 'visible', timeout: 60000 });
			// The canvas shows our icon on the node.
			const canvasIcon = node.locator('img[src*="highload"]').first();
			await canvasIcon.waitFor({ state: 'visible', timeout: 30000 });
			await page.waitForTimeout(1000);
			await save(page, 'canvas.png');

			await node.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ state: 'visible', timeout: 30000 });
			const icon = ndv.locator('img[src*="/icons/n8n-nodes-highload/"]').first();
			await icon.waitFor({ state: 'visible', timeout: 30000 });
			expect(await icon.evaluate((img: any) => img.complete && img.naturalWidth > 0)).toBe(true);

			const resource = ndv.locator('[data-test-id="parameter-input-resource"] input').first();
			const operation = ndv.locator('[data-test-id="parameter-input-operation"] input').first();
			expect(await resource.inputValue()).toBe('Folder');
			expect(await operation.inputValue()).toBe('List');
			const locator = ndv.locator('[data-test-id="resource-locator-folderId"]');
			await locator.waitFor({ state: 'visible' });
			await save(page, 'node-folder-list.png');

			// The operation picker lists the folder operations.
			await ndv.locator('[data-test-id="parameter-input-operation"]').first().click();
			const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
			await options.first().waitFor({ state: 'visible', timeout: 10000 });
			const labels = (await options.allInnerTexts()).join('\n');
			expect(labels).toMatch(/List/);
			expect(labels).toMatch(/Create/);
			await save(page, 'operation-picker.png');
			// Close the picker by clicking it again (Escape would close the whole node view).
			await ndv.locator('[data-test-id="parameter-input-operation"]').first().click();
			await options.first().waitFor({ state: 'hidden', timeout: 10000 });

			// "From list" of the resource locator asks the sandbox for its folders.
			await locator.locator('[data-test-id="rlc-input"]').first().click();
			await page.locator('[data-test-id="rlc-search"]').first().waitFor({ state: 'visible', timeout: 20000 });
			const items = page.locator('[data-test-id="rlc-item"]');
			await items.filter({ hasText: 'videos' }).first().waitFor({ state: 'visible', timeout: 20000 });
			const names = await items.allInnerTexts();
			const folders = [...sandbox.sim.state.folders.values()].filter((f: any) => f.id !== '0').map((f: any) => f.name);
			for (const name of folders) expect(names.some((t: string) => t.includes(name))).toBe(true);
			expect(sandbox.sim.countRequests('file/listfolder')).toBeGreaterThan(0);
			await save(page, 'folder-locator.png');
		} finally {
			await browser.close();
		}
	});
});
