/**
 * n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED, n8n ≥ 2.37) as n8n-core 2.41.1 applies it in this process:
 * the node's requests (`httpRequest`) and the credential dialog's test (the legacy `request`, the only helper n8n
 * gives a credential test) are both checked, and what the user sees says what was blocked and what to allow.
 * n8n reads this setting once per process (the dependency container), so the file sets it before any request.
 * The e2e suite (test/e2e/ssrf.e2e.ts) proves the allow-lists in a real n8n.
 */
import { testCredential } from '../harness';
import { byId, runText, useHighload } from '../support/setup';

process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';

describe("n8n's SSRF protection on, the sandbox on 127.0.0.1 not allowed", () => {
	const t = useHighload();

	test('the credential test (legacy request helper) is refused, saying what to allow', async () => {
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`n8n's SSRF protection blocked the request to Highload at ${new URL(t.sim.url).host}`);
		expect(result.message).toContain('add 127.0.0.1/32 to N8N_SSRF_ALLOWED_IP_RANGES');
		expect(t.sim.requests).toHaveLength(0);
		expect(result.message).not.toContain(t.sim.key);
	});

	test('a node request (httpRequest helper) is refused before anything is sent', async () => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		const run = await t.run('file', 'get', { fileId: byId(file.id) });
		expect(run.error?.message).toBe(`n8n's SSRF protection blocked the request to Highload at ${new URL(t.sim.url).host}`);
		expect(run.error?.description).toContain('ask your n8n administrator to allow it: add 127.0.0.1/32 to N8N_SSRF_ALLOWED_IP_RANGES.');
		expect(run.error?.description).not.toMatch(/\b(error|problem|failure|mistake)s?\b/i);
		expect(t.sim.requests).toHaveLength(0);
		expect(runText(run)).not.toContain(t.sim.key);
	});
});
