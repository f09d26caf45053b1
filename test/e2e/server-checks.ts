/** What a running n8n must list of the package, checked the same way in 2.41.1 (editor.e2e.ts) and 1.x (n8n-1x.e2e.ts). */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/lib/n8n');

/** Both node types (the trigger a polling one, the node with its pickers) and the credential, under the package's prefix. */
export async function expectPackageListed(inst: any): Promise<{ action: any; trigger: any; credential: any }> {
	const nodes: any[] = await n8n.rest(inst, 'GET', '/types/nodes.json');
	const action = nodes.find((t) => t.name === n8n.NODE_TYPE);
	const trigger = nodes.find((t) => t.name === n8n.TRIGGER_TYPE);
	expect(action).toBeDefined();
	expect(trigger).toBeDefined();
	expect(trigger.polling).toBe(true);
	expect(action.properties.map((p: any) => p.name)).toEqual(expect.arrayContaining(['resource', 'operation']));

	const credentials: any[] = await n8n.rest(inst, 'GET', '/types/credentials.json');
	const credential = credentials.find((c) => c.name === n8n.CREDENTIAL_TYPE);
	expect(credential).toBeDefined();
	return { action, trigger, credential };
}
