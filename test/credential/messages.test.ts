import { testCredential } from '../harness';
import { useHighload } from '../support/setup';

/** What the credential dialog's Test says for each status account/info can meet, in both ways the API answers. */
describe.each(['mirror', 'always200'] as const)('Highload credential test messages (HTTP status %s)', (httpStatus) => {
	const t = useHighload({ httpStatus });
	const test_ = async () => await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });

	test.each([
		[400, 'Highload rejected the request as malformed (status 400). Check the Base URL.'],
		[404, 'Highload does not know this account endpoint (status 404). Check the Base URL.'],
		[451, 'Highload blocked this account for legal reasons (status 451).'],
		[509, 'Highload is over its bandwidth limit right now (status 509). Try again later.'],
	])('%i', async (status, advice) => {
		t.sim.fault('account/info', { kind: { status, msg: `msg for ${status}` } });
		expect(await test_()).toEqual({ status: 'Error', message: `${advice} Highload said: msg for ${status}` });
		expect(t.sim.countRequests('account/info')).toBe(1);
	});
});

describe('Highload credential test, unreachable host', () => {
	const t = useHighload();

	test('a Base URL where nothing listens says so and names the host', async () => {
		const result = await testCredential(t.engine, { login: t.sim.login, apiKey: t.sim.key, baseUrl: 'http://127.0.0.1:1' });
		expect(result).toEqual({
			status: 'Error',
			message: 'Could not connect to Highload (127.0.0.1:1): nothing accepted the connection (ECONNREFUSED). Check the Base URL in the Highload credential.',
		});
	});
});
