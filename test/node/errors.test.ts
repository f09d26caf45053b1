import { byId, runText, useHighload } from '../support/setup';

const FILE = 'abc123def456';

/** What the user reads for each envelope status (message), with the API's own msg as description. */
const statusMatrix: Array<[number, string]> = [
	[400, 'Highload rejected a parameter of this request (400 Bad Request)'],
	[403, 'Highload refused the request (403): wrong API Login or API Key, or the file or folder is not yours'],
	[404, `Highload could not find file "${FILE}" (404)`],
	[451, 'Highload blocks this item for legal reasons (451)'],
	[509, 'Highload bandwidth limit exceeded (509): try again later or enable Retry On Fail'],
	[500, "Highload's server could not handle the request (500): try again later"],
	[503, "Highload's server could not handle the request (503): try again later"],
];

describe.each(['mirror', 'always200'] as const)('error matrix — HTTP status %s', (httpStatus) => {
	const t = useHighload({ httpStatus });
	const getFile = async (extra: object = {}) =>
		await t.run('file', 'get', { fileId: byId(FILE), requestOptions: { bandwidthRetries: 0, ...extra } });

	test.each(statusMatrix)('envelope status %i', async (status, message) => {
		t.sim.fault('file/info', { kind: { status, msg: `simulated msg ${status}` } });
		const run = await getFile();
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBe(`Highload said: simulated msg ${status}`);
		expect(run.error?.httpCode).toBe(String(status));
	});

	test('an unknown file id says which file was not found', async () => {
		const run = await getFile();
		expect(run.error?.message).toBe(`Highload could not find file "${FILE}" (404)`);
		expect(run.error?.description).toBe('Highload said: File not found');
	});
});

describe('answers that are not an envelope', () => {
	const t = useHighload();
	const getFile = async () =>
		await t.run('file', 'get', { fileId: byId(FILE), requestOptions: { bandwidthRetries: 0, timeout: 1000 } });

	test('an HTML error page from a proxy', async () => {
		t.sim.fault('file/info', { kind: 'html' });
		const run = await getFile();
		expect(run.error?.message).toBe("Highload's server could not handle the request (502): try again later");
		expect(run.error?.description).toMatch(/^The answer is not JSON: <html> <head><title>502 Bad Gateway<\/title>/);
		expect(runText(run)).not.toMatch(/SyntaxError|Unexpected token/);
	});

	test('truncated JSON', async () => {
		t.sim.fault('file/info', { kind: 'truncated' });
		const run = await getFile();
		expect(run.error?.message).toBe('Highload sent an answer that could not be read (HTTP 200)');
		expect(run.error?.description).toMatch(/^The answer is not JSON: \{"status":200/);
	});

	test('a connection reset', async () => {
		t.sim.fault('file/info', { kind: 'reset' });
		const run = await getFile();
		expect(run.error?.message).toBe('The connection to Highload broke before it answered');
		expect(run.error?.description).toMatch(/^The network connection dropped \((ECONNRESET|socket hang up)\)/);
	});

	test('no answer fails within the timeout the user set', async () => {
		t.sim.fault('file/info', { kind: 'noAnswer' });
		const started = Date.now();
		const run = await getFile();
		expect(run.error?.message).toBe('Highload did not answer within 1 s');
		expect(run.error?.description).toBe('Try again later, or raise Timeout under Request Options.');
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
