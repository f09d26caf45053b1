/**
 * The package unchanged in the newest n8n 1.x (1.123.81 on Node 22; provisioned by
 * `node scripts/provision-n8n.js --lane=1.x`): the examples 1-3 (examples-suite.ts), the node-type listing of the
 * running server, and the trigger's "fetch test event" (example 4).
 */
import { defineExampleSuite } from './examples-suite';
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
const { freshInstance } = require('./e2e-context');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LANES } = require('../../scripts/provision-n8n');

const LABEL = `n8n ${LANES['1.x'].pins.n8n.split('@')[1]}`;

defineExampleSuite('1.x', LABEL);

describe(`${LABEL}: the running server`, () => {
	let inst: any;
	let sandbox: any;
	const all = examples.loadAll();

	beforeAll(async () => {
		inst = await freshInstance('server-1x', { lane: '1.x' });
		sandbox = await startSandbox({ seedData: true });
		const credential = examples.SANDBOX_CREDENTIAL;
		await n8n.importCredentials(inst, [examples.credentialFor(sandbox.sim, credential)]);
		await n8n.importWorkflows(inst, [examples.prepare(all.alert, { credential })]);
		await n8n.startServer(inst);
		await n8n.ensureOwner(inst);
	});

	afterAll(async () => {
		if (inst) await n8n.stopServer(inst);
		if (sandbox) await sandbox.close();
		await killAll();
	});

	test('lists both nodes and the credential with the package prefix', async () => {
		await expectPackageListed(inst);
	});

	test('example 4: the trigger’s "fetch test event" and the Set node after it', async () => {
		const triggerName = 'New file on Highload';
		const full = await n8n.runTriggerTestEvent(inst, all.alert.id, triggerName, { destination: 'Build message', timeoutMs: 120000 });
		expect(full.error).toBeUndefined();
		const items = full.items(triggerName);
		expect(items.length).toBeGreaterThan(0);
		const known = new Set([...sandbox.sim.state.files.keys()]);
		expect(items.every((i: any) => known.has(i.id))).toBe(true);
		const messages = full.items('Build message');
		expect(messages).toHaveLength(items.length);
		expect(messages[0].message).toMatch(/^New file on Highload: /);
	});
});
