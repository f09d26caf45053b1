import {
	NodeApiError,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialTestResult,
} from 'n8n-workflow';

import { accessOf } from './access';
import { INSECURE_BASE_URL_MESSAGE } from './baseUrl';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, HighloadSession } from './session';

/** What the user should do about each status the test request can meet. */
const FAILED_TEST_MESSAGES: Record<string, string> = {
	'400': 'Highload rejected the request as malformed (status 400). Check the Base URL.',
	'403': 'Highload refused the API Login or API Key (status 403). Copy both again from the Account tab of the Highload user panel.',
	'404': 'Highload does not know this account endpoint (status 404). Check the Base URL.',
	'451': 'Highload blocked this account for legal reasons (status 451).',
	'509': 'Highload is over its bandwidth limit right now (status 509). Try again later.',
};

const TEST_TIMEOUT_MS = 30_000;

/** The credential dialog's test runs outside any node: errors name this stand-in. */
const TEST_NODE: INode = {
	id: 'highload-credential-test',
	name: 'Highload credential test',
	type: 'n8n-nodes-highload.highload',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * n8n's credential test gives a test function only its legacy request helper: this adapts it to the options our
 * exchange sends (redirects never followed by the helper, every status answered, the full response returned).
 */
function legacyHttpRequest(context: ICredentialTestFunctions) {
	return async (options: IHttpRequestOptions): Promise<unknown> =>
		await context.helpers.request({
			method: options.method,
			baseURL: options.baseURL,
			url: options.url,
			qs: options.qs,
			json: options.json,
			timeout: options.timeout,
			followRedirect: false,
			followAllRedirects: false,
			simple: false,
			resolveWithFullResponse: true,
		});
}

/** The dialog's message for a failed test: what to do, then Highload's own words. */
function failureMessage(error: unknown): string {
	if (!(error instanceof NodeApiError)) return (error as Error).message;
	const advice = FAILED_TEST_MESSAGES[String(error.httpCode)];
	const said = error.description?.startsWith('Highload said:') ? ` ${error.description}` : '';
	if (advice) return `${advice}${said}`;
	return error.description ? `${error.message}. ${error.description}` : error.message;
}

/**
 * "Test" in the credential dialog: `account/info` through the same session as every request (Base URL rule,
 * redirect policy, envelope, masking), with a message that says what to do. An insecure Base URL is refused with
 * its reason before anything is sent.
 */
export async function testHighloadCredential(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const access = accessOf(credential.data ?? {});
	if (!access) return { status: 'Error', message: INSECURE_BASE_URL_MESSAGE };
	const limits = { maxConcurrentRequests: DEFAULT_MAX_CONCURRENT_REQUESTS, bandwidthRetries: 0, timeoutMs: TEST_TIMEOUT_MS };
	const session = new HighloadSession({ node: TEST_NODE, httpRequest: legacyHttpRequest(this) }, access, limits);
	try {
		await session.request({ endpoint: 'account/info' });
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		return { status: 'Error', message: session.mask(failureMessage(error)) };
	}
}
