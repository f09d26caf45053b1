/**
 * The running n8n server with the package installed: node types and credential listed, icons and output schemas
 * served, the package running on n8n's own n8n-workflow, the trigger example's "fetch test event", and browser
 * checks of the editor (headless Debian Chromium): the node panel, the node view, the Schema view, the Docs links.
 */
import * as fs from 'fs';
import * as path from 'path';
import { NodeHelpers } from 'n8n-workflow';

import { headingAnchors } from '../support/markdown';
import { expectPackageListed } from './server-checks';

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
const { launch } = require('./browser');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REPO, strayWorkflowCopies } = require('../../scripts/provision-n8n');

const README_ANCHORS = headingAnchors(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8'));
const SCHEMA_DIR = path.join(REPO, 'dist', 'nodes', 'Highload', '__schema__', 'v1.0.0');

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
		const { action, trigger, credential } = await expectPackageListed(inst);
		const icons = [...iconPaths(action.iconUrl), ...iconPaths(trigger.iconUrl), ...iconPaths(credential.iconUrl)];
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

	test('n8n generates the AI tool variant (highloadTool): it offers Output where the node offers Simplify', async () => {
		const nodes: any[] = await n8n.rest(inst, 'GET', '/types/nodes.json');
		const tool = nodes.find((t) => t.name === `${n8n.NODE_TYPE}Tool`);
		const action = nodes.find((t) => t.name === n8n.NODE_TYPE);
		expect(tool).toBeDefined();
		// n8n's own display rules, on the descriptions n8n serves (`@tool` follows the type's name).
		const shown = (description: any, parameters: Record<string, unknown>) =>
			description.properties
				.filter((p: any) => ['simplify', 'output', 'fields'].includes(p.name))
				.filter((p: any) => NodeHelpers.displayParameter(parameters as never, p, { typeVersion: 1 } as never, description))
				.map((p: any) => p.name);
		expect(shown(action, { resource: 'file', operation: 'get' })).toEqual(['simplify']);
		expect(shown(tool, { resource: 'file', operation: 'get' })).toEqual(['output']);
		expect(shown(tool, { resource: 'folder', operation: 'list', output: 'selected' })).toEqual(['output', 'fields']);
		expect(shown(tool, { resource: 'file', operation: 'delete' })).toEqual([]);
	});

	test("the package runs on n8n's own n8n-workflow, as in a user's n8n", () => {
		// The user folder lies outside the repository, and nothing on the lookup path holds another copy.
		expect(path.relative(REPO, inst.userFolder).startsWith('..')).toBe(true);
		expect(strayWorkflowCopies(path.join(inst.userFolder, '.n8n', 'nodes', 'node_modules', n8n.PACKAGE_NAME))).toEqual([]);
		// What `require('n8n-workflow')` in the package's code resolved to, inside the n8n processes (module probe).
		const probed: Array<{ from: string; resolved: string }> = n8n.readModuleProbe(inst);
		expect(probed.length).toBeGreaterThan(0);
		const own = n8n.n8nOwnWorkflowRoot();
		expect(own).toBeTruthy();
		expect([...new Set(probed.map((entry) => n8n.packageRootOf(entry.resolved, 'n8n-workflow')))]).toEqual([own]);
	});

	test('n8n serves the output schema of every operation, as shipped', async () => {
		const shipped = fs.readdirSync(SCHEMA_DIR).flatMap((resource) => fs.readdirSync(path.join(SCHEMA_DIR, resource)).map((file) => [resource, file]));
		expect(shipped.length).toBeGreaterThan(15);
		// n8n asks for the exact version's schemas: the node has one version, 1.
		for (const version of ['1.0.0']) {
			for (const [resource, file] of shipped) {
				const route = `/schemas/${n8n.NODE_TYPE}/${version}/${resource}/${file}`;
				const res = await n8n.rest(inst, 'GET', route, undefined, { raw: true });
				expect([route, res.status]).toEqual([route, 200]);
				expect(JSON.parse(res.text)).toEqual(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, resource, file), 'utf8')));
			}
		}
	});
});

describe("the credential dialog's Test, as the editor calls it (POST /rest/credentials/test)", () => {
	const testCredential = async (data: Record<string, string>) =>
		await n8n.rest(inst, 'POST', '/rest/credentials/test', { credentials: { id: '', name: 'Highload (test)', type: n8n.CREDENTIAL_TYPE, data } });

	test('right values: "Connection successful!"; a wrong key: what to do and Highload\'s words; nothing listening: the host', async () => {
		const values = { login: sandbox.sim.login, apiKey: sandbox.sim.key, baseUrl: sandbox.sim.url };
		expect(await testCredential(values)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrong = await testCredential({ ...values, apiKey: 'wrong-key' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^Highload refused the API Login or API Key \(status 403\)\. Copy both again from the Account tab/);
		const nowhere = await testCredential({ ...values, baseUrl: 'http://127.0.0.1:1' });
		expect(nowhere).toEqual({
			status: 'Error',
			message: 'Could not connect to Highload (127.0.0.1:1): nothing accepted the connection (ECONNREFUSED). Check the Base URL in the Highload credential.',
		});
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
	let browser: any;
	const save = async (page: any, name: string) => {
		const buf = await page.screenshot();
		for (const d of screenshotDirs()) fs.writeFileSync(path.join(d, name), buf);
	};
	/** A page with the owner signed in, showing a workflow once its canvas is drawn. */
	const openWorkflow = async (workflowId: string) => {
		const page = await browser.context.newPage();
		await page.goto(`${inst.url}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ state: 'visible', timeout: 60000 });
		await page.waitForTimeout(1000);
		return page;
	};
	/** Opens a canvas node's view (NDV). */
	const openNode = async (page: any, name: string) => {
		await page.locator('[data-test-id="canvas-node"]').filter({ hasText: name }).first().dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ state: 'visible', timeout: 30000 });
		return ndv;
	};
	const nodeTypes = async () => {
		const types: any[] = await n8n.rest(inst, 'GET', '/types/nodes.json');
		return { action: types.find((t) => t.name === n8n.NODE_TYPE), trigger: types.find((t) => t.name === n8n.TRIGGER_TYPE) };
	};

	beforeAll(async () => {
		browser = await launch();
		await browser.context.addCookies([{ name: 'n8n-auth', value: inst.cookie, url: inst.url }]);
	});
	afterAll(async () => {
		if (browser) await browser.close();
	});

	test('opens the Highload node: icon, resource and operation pickers, a resource locator', async () => {
		const page = await browser.context.newPage();
		try {
			await page.goto(`${inst.url}/workflow/${all.cleanup.id}`, { waitUntil: 'domcontentloaded' });
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Old files nobody downloaded' }).first();
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
			await page.close();
		}
	});

	test("the node panel: one Highload entry for both nodes, with the trigger's description (n8n's rule), each node's own actions and events", async () => {
		const { action, trigger } = await nodeTypes();
		const page = await openWorkflow(all.cleanup.id);
		try {
			await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
			await page.locator('[data-test-id="node-creator-search-bar"]').first().waitFor({ state: 'visible', timeout: 10000 });
			await page.keyboard.type('Highload');
			const entries = page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]').filter({ hasText: 'Highload' });
			await entries.first().waitFor({ state: 'visible', timeout: 10000 });
			await page.waitForTimeout(500);
			// n8n 2.41 merges a package's `<name>Trigger` into its `<name>` node when that node has actions, and the
			// merged entry takes the trigger's description (useActionsGeneration.ts: `app.description =
			// trigger.description`); n8n's own pairs (Gmail, Telegram…) show their trigger's description the same way.
			expect(await entries.count()).toBe(1);
			expect((await entries.first().locator('[data-test-id="node-creator-item-name"]').innerText()).trim()).toBe(action.displayName);
			expect((await entries.first().locator('[data-test-id="node-creator-item-description"]').innerText()).trim()).toBe(trigger.description);
			await save(page, 'node-panel.png');

			// Its details page lists the action node's operations and the trigger's events, each by its own text.
			await entries.first().click();
			const creator = page.locator('[data-test-id="node-creator"]');
			await creator.getByText('Get file', { exact: true }).first().waitFor({ state: 'visible', timeout: 10000 });
			const text = await creator.innerText();
			const operations: string[] = action.properties
				.filter((p: any) => p.name === 'operation')
				.flatMap((p: any) => p.options.map((o: any) => o.action))
				.filter((label: unknown) => typeof label === 'string');
			expect(operations.length).toBeGreaterThan(15);
			for (const label of operations) expect(text).toContain(label);
			expect(text).toMatch(/Triggers/);
			await save(page, 'node-details.png');
		} finally {
			await page.close();
		}
	});

	test("the Schema view shows an operation's fields before anything ran (the shipped output schema)", async () => {
		const page = await openWorkflow(all.cleanup.id);
		try {
			const schemaRequests: Array<{ url: string; status: number }> = [];
			page.on('response', (res: any) => {
				if (res.url().includes('/schemas/')) schemaRequests.push({ url: res.url(), status: res.status() });
			});
			// The delete after the listing (neither executed): its input is the Folder → List schema.
			const ndv = await openNode(page, 'Delete file');
			const input = ndv.locator('[data-test-id="ndv-input-panel"]');
			await input.locator('[data-test-id="run-data-schema-item"]').first().waitFor({ state: 'visible', timeout: 20000 });
			await page.waitForTimeout(500);
			const fields = (await input.locator('[data-test-id="run-data-schema-item"]').allInnerTexts()).map((t: string) => t.trim());
			const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'folder', 'list.json'), 'utf8'));
			for (const key of ['type', 'id', 'name', 'path', 'size', 'download_count', 'upload_at', 'link']) {
				expect(schema.properties).toHaveProperty([key]);
				expect(fields.some((field: string) => field.startsWith(key))).toBe(true);
			}
			// A node added in the editor has the node's one version, 1.
			expect(schemaRequests).toContainEqual({ url: expect.stringContaining(`/schemas/${n8n.NODE_TYPE}/1.0.0/folder/list.json`), status: 200 });
			expect(schemaRequests.filter((r) => r.status !== 200)).toEqual([]);
			await save(page, 'schema-preview.png');
		} finally {
			await page.close();
		}
	});

	/** The credential dialog's answer to one test, once the editor has it: the banner the user sees. */
	const testedBy = async (page: any, dialog: any, click: () => Promise<void>) => {
		const [response] = await Promise.all([
			page.waitForResponse((res: any) => res.url().endsWith('/rest/credentials/test') && res.request().method() === 'POST', { timeout: 60000 }),
			click(),
		]);
		const answer = (await response.json()).data;
		const banner = (
			answer.status === 'OK'
				? dialog.locator('[data-test-id="credentials-config-container-test-success"]')
				: dialog.locator('.el-tag--danger').filter({ hasText: 'connect with these settings' })
		).first();
		await banner.waitFor({ state: 'visible', timeout: 30000 });
		if (answer.status !== 'OK') {
			// The error banner keeps the test's message behind "More details", as a user finds it.
			await banner.getByText('More details').click();
			await banner.getByText(answer.message).first().waitFor({ state: 'visible', timeout: 10000 });
		}
		return { answer, banner: (await banner.innerText()).replace(/\s+/g, ' ').trim() };
	};

	test('the credential dialog, opened from the Credentials page: Retry and Save test it; a wrong API Key shows what to do and Highload\'s words', async () => {
		const page = await browser.context.newPage();
		try {
			await page.goto(`${inst.url}/home/credentials`, { waitUntil: 'domcontentloaded' });
			const card = page.locator('[data-test-id="resources-list-item"]').filter({ hasText: examples.SANDBOX_CREDENTIAL.name }).first();
			await card.waitFor({ state: 'visible', timeout: 60000 });
			const dialog = page.locator('[data-test-id="editCredential-modal"]');
			// Opening a saved credential tests it.
			const opened = await testedBy(page, dialog, async () => await card.click());
			expect(opened.answer).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(opened.banner).toContain('Connection tested successfully');

			const retried = await testedBy(page, dialog, async () => await dialog.getByRole('button', { name: 'Retry' }).first().click());
			expect(retried.answer).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(retried.banner).toContain('Connection tested successfully');
			await save(page, 'credential-tested.png');

			const apiKey = dialog.locator('[data-test-id="parameter-input-apiKey"] input').first();
			await apiKey.fill('wrong-key');
			const wrong = await testedBy(page, dialog, async () => await dialog.locator('[data-test-id="credential-save-button"]').first().click());
			expect(wrong.answer.status).toBe('Error');
			expect(wrong.banner).toContain('Couldn’t connect with these settings');
			expect(wrong.banner).toContain(
				'Highload refused the API Login or API Key (status 403). Copy both again from the Account tab of the Highload user panel. Highload said: Permission denied: wrong login or key',
			);
			expect(wrong.banner).not.toContain('wrong-key');
			await save(page, 'credential-wrong-key.png');

			// The right key again: the saved credential works as before for the other tests.
			await apiKey.fill(sandbox.sim.key);
			const fixed = await testedBy(page, dialog, async () => await dialog.locator('[data-test-id="credential-save-button"]').first().click());
			expect(fixed.answer.status).toBe('OK');
			expect(fixed.banner).toContain('Connection tested successfully');
		} catch (error) {
			// For the post-mortem, beside this run's screenshots (never into the repository's).
			const [dir] = screenshotDirs();
			fs.writeFileSync(path.join(dir, 'credential-dialog-failure.html'), await page.content());
			fs.writeFileSync(path.join(dir, 'credential-dialog-failure.png'), await page.screenshot());
			throw error;
		} finally {
			await page.close();
		}
	});

	/** The href of the Docs link in a node's view, for each Highload node of the examples. */
	const docsLinks = async () => {
		const links: Record<string, string> = {};
		for (const [workflow, nodeName] of [
			[all.cleanup.id, 'Old files nobody downloaded'],
			[all.alert.id, 'New file on Highload'],
		]) {
			const page = await openWorkflow(workflow);
			try {
				const ndv = await openNode(page, nodeName);
				const docs = ndv.locator('a').filter({ hasText: 'Docs' }).first();
				await docs.waitFor({ state: 'visible', timeout: 10000 });
				links[nodeName] = await docs.evaluate((a: any) => a.href);
			} finally {
				await page.close();
			}
		}
		return links;
	};

	test("each node's Docs link points at its README heading", async () => {
		const links = await docsLinks();
		expect(Object.keys(links)).toHaveLength(2);
		for (const [node, href] of Object.entries(links)) {
			// The anchor as the package wrote it; n8n may append its tracking query after it (next test).
			const anchor = decodeURIComponent(new URL(href).hash.slice(1)).split('?')[0];
			expect([node, README_ANCHORS.has(anchor) ? 'heading' : `no heading "${anchor}"`]).toEqual([node, 'heading']);
		}
	});

	// n8n appends `?utm_source=…` to a codex URL, after its #anchor (the browser would look for a heading that does
	// not exist); the node descriptions' own `documentationUrl` is used as it is (README, "Documentation links").
	test("each node's Docs link lands on its README heading as n8n opens it", async () => {
		const links = await docsLinks();
		for (const [node, href] of Object.entries(links)) {
			const anchor = decodeURIComponent(new URL(href).hash.slice(1));
			expect([node, README_ANCHORS.has(anchor) ? 'heading' : `no heading "${anchor}"`]).toEqual([node, 'heading']);
		}
	});
});
