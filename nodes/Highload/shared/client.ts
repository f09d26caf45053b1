import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { INSECURE_BASE_URL_MESSAGE, secureBaseUrl } from './baseUrl';
import { readEnvelope } from './envelope';
import { oncePerRun } from './perRun';
import { networkError } from './transport';

export const CREDENTIAL_TYPE = 'highloadApi';

type ClientContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What a request needs from the credential: where to go and the two values that authenticate it. */
export interface ApiAccess {
	baseUrl: string;
	/** The query (or form) parameters the API authenticates with, as the credential's `authenticate` block sends them. */
	auth: { login: string; key: string };
}

/** Reads the credential; its Base URL is refused before anything is sent when it would carry the key in clear text. */
export async function apiAccess(context: ClientContext): Promise<ApiAccess> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = secureBaseUrl(credentials.baseUrl);
	if (!baseUrl) {
		throw new NodeOperationError(context.getNode(), INSECURE_BASE_URL_MESSAGE, {
			description: `The credential's Base URL is "${String(credentials.baseUrl)}".`,
		});
	}
	return { baseUrl, auth: { login: String(credentials.login ?? ''), key: String(credentials.apiKey ?? '') } };
}

/**
 * preSend of every declarative operation: the base URL, by the same rule as the credential test. Read once per
 * node run (the node declares no base URL expression, which n8n would evaluate twice for every item).
 */
export async function requireSecureBaseUrl(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...options, baseURL: await oncePerRun(this, 'baseUrl', async () => (await apiAccess(this)).baseUrl) };
}

/** One API call of a session: the envelope's result, or a NodeApiError. */
export type ApiCall = (endpoint: string, qs?: IDataObject, timeout?: number) => Promise<unknown>;

/**
 * API calls from code (trigger, list search), e.g. a trigger listing a folder of 100,000 files page by page: the
 * credential is read and its Base URL checked once, and each request carries `login` and `key` in the query exactly
 * as the credential's `authenticate` block puts them, instead of n8n resolving that block's expressions again for
 * every request (which costs more than the request itself on a local network). The envelope decides success;
 * network failures become clear errors.
 */
export async function apiSession(context: ClientContext): Promise<ApiCall> {
	const { baseUrl: baseURL, auth } = await apiAccess(context);
	return async (endpoint, qs = {}, timeout = 60_000) => {
		let response;
		try {
			response = await context.helpers.httpRequest({
				method: 'GET',
				baseURL,
				url: `/${endpoint}`,
				qs: { ...qs, ...auth },
				json: true,
				timeout,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			});
		} catch (error) {
			throw networkError(context.getNode(), error as Error, timeout);
		}
		return readEnvelope(context.getNode(), response as { body: unknown; statusCode?: number });
	};
}

/** A single API call from code (see apiSession). */
export async function callApi(context: ClientContext, endpoint: string, qs: IDataObject = {}, timeout = 60_000): Promise<unknown> {
	const call = await apiSession(context);
	return await call(endpoint, qs, timeout);
}
