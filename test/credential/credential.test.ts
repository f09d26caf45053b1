import { testCredential } from '../harness';
import { HighloadSimulator } from '../simulator';
import { byId, runText, useHighload } from '../support/setup';

describe('Highload credential', () => {
	const t = useHighload();

	test('a good login and key pass the credential test', async () => {
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(t.sim.requests.map((request) => request.path)).toEqual(['/account/info']);
	});

	test.each(['mirror', 'always200'] as const)('a wrong key fails with the reason (HTTP status %s)', async (mode) => {
		t.sim.options.httpStatus = mode;
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: 'wrong-key', baseUrl: t.sim.url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Highload refused the API Login or API Key (status 403)');
	});

	test('an http:// Base URL on a non-loopback host is refused before anything is sent', async () => {
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: 'http://api.highload.to' });
		expect(result.status).toBe('Error');

		t.engine.setCredential({ login: t.sim.login, apiKey: t.sim.key, baseUrl: 'http://api.highload.to' });
		const run = await t.run('file', 'get', { fileId: byId('abc123def456') });
		expect(run.error?.message).toBe(
			"The 'Base URL' must start with https:// (http:// is allowed only for localhost, 127.x.x.x or [::1]), because the API key is sent with every request. Fix the 'Base URL' in the Highload credential.",
		);
		expect(t.sim.requests).toHaveLength(0);
		expect(runText(run)).not.toContain(t.sim.key);
	});

	test('an insecure Base URL says why, in the dialog itself', async () => {
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: 'http://api.highload.to' });
		expect(result).toEqual({
			status: 'Error',
			message:
				"The 'Base URL' must start with https:// (http:// is allowed only for localhost, 127.x.x.x or [::1]), because the API key is sent with every request. Fix the 'Base URL' in the Highload credential.",
		});
	});

	test("a wrong key shows what to do and Highload's own words", async () => {
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: 'wrong-key', baseUrl: t.sim.url });
		expect(result.message).toBe(
			'Highload refused the API Login or API Key (status 403). Copy both again from the Account tab of the Highload user panel. Highload said: Permission denied: wrong login or key',
		);
	});

	test('a redirect to another host is not followed: the key never leaves', async () => {
		const elsewhere = await HighloadSimulator.start();
		try {
			t.sim.fault('account/info', { kind: { redirect: `${elsewhere.url}/account/info?{query}` } });
			const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/redirected the request to http:\/\/127\.0\.0\.1:\d+: not followed, because the request carries your API key/);
			expect(elsewhere.requests).toHaveLength(0);
		} finally {
			await elsewhere.close();
		}
	});

	test('an answer echoing the request is masked in the dialog', async () => {
		t.sim.fault('account/info', { kind: 'echoJson' });
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('***');
		expect(result.message).not.toContain(t.sim.key);
		expect(result.message).not.toContain(t.sim.login);
	});

	test('the credential dialog warns about an insecure Base URL while typing', () => {
		const notice = t.engine.credentialTypes.get('highloadApi')!.properties.find((p) => p.name === 'insecureBaseUrlNotice')!;
		const pattern = new RegExp((notice.displayOptions!.show!.baseUrl as Array<{ _cnd: { regex: string } }>)[0]._cnd.regex, 'i');
		expect(['http://api.highload.to', 'http://localhost.evil.com', 'http://127.0.0.1.evil.com'].every((url) => pattern.test(url))).toBe(true);
		expect(['https://api.highload.to', 'http://localhost:8080', 'http://127.0.0.1:3000/', 'http://[::1]:80'].some((url) => pattern.test(url))).toBe(false);
	});

	test('login and key travel only as the documented query parameters', async () => {
		const folder = t.sim.addFolder('videos');
		await t.run('folder', 'list', { folderId: byId(folder.id), returnAll: true });
		await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });
		expect(t.sim.requests.length).toBeGreaterThanOrEqual(2);
		for (const request of t.sim.requests) {
			expect(request.query.login).toBe(t.sim.login);
			expect(request.query.key).toBe(t.sim.key);
			const elsewhere = JSON.stringify({ ...request.query, login: undefined, key: undefined, headers: request.headers, path: request.path });
			expect(elsewhere).not.toContain(t.sim.key);
		}
	});
});
