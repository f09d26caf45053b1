import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { apiErrorWith, type ErrorTarget } from './errors';
import type { RawResponse } from './envelope';
import { withNetwork, type NetworkOptions } from './network';

/** n8n's request helper, as every context of ours has it. */
export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

export interface HttpExchange {
	method: IHttpRequestMethods;
	/** Absolute, or relative to `baseURL`. */
	url: string;
	baseURL?: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	timeoutMs?: number;
	abortSignal?: AbortSignal;
	/** Read the answer as text (the upload server answers JSON without a JSON content type). */
	asText?: boolean;
	/** Same-host https redirects may be followed (never for a streamed body, which cannot be sent twice). */
	followSafeRedirects: boolean;
	/** Who answers, as errors name it (default `Highload`): e.g. `the upload server`. */
	destination?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Whether a redirect may be followed with the key on board: to the same host and port, and never from https down
 * to http (the key travels in the query string, so following any other redirect hands it to someone else).
 */
export function isSafeRedirect(from: URL, to: URL): boolean {
	if (to.host !== from.host) return false;
	return to.protocol === 'https:' || (from.protocol === 'http:' && to.protocol === 'http:');
}

function requestUrl(exchange: HttpExchange): URL {
	return new URL(exchange.url, exchange.baseURL ? `${exchange.baseURL}/` : undefined);
}

function redirectError(target: ErrorTarget, from: URL, location: string, followable: boolean): Error {
	let to: URL | undefined;
	try {
		to = new URL(location, from);
	} catch {
		to = undefined;
	}
	const where = to ? `${to.protocol}//${to.host}` : 'an address that cannot be read';
	const message = followable
		? `Highload (${from.host}) redirected the request to ${where}: not followed, because the request carries your API key`
		: `The upload server (${from.host}) redirected the upload to ${where}: not followed, the file was not sent there`;
	const description = followable
		? 'Only redirects to https:// on the same host are followed. Check the Base URL in the credential: it should be the address Highload answers on.'
		: 'Upload again; if it keeps happening, the upload server is misconfigured.';
	return apiErrorWith(target, message, description, 'redirect');
}

/**
 * One HTTP exchange through n8n's request helper, with our redirect policy: n8n's own redirect following is off
 * (it would also keep a streamed body in memory for a replay), a redirect we may follow is followed by hand, any
 * other fails with an error naming where it pointed. Errors of the helper (network failures) propagate.
 */
export async function exchange(httpRequest: HttpRequest, target: ErrorTarget, request: HttpExchange): Promise<RawResponse> {
	let url = requestUrl(request);
	let options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		baseURL: request.baseURL,
		qs: request.qs,
		body: request.body,
		headers: request.headers,
		timeout: request.timeoutMs,
		abortSignal: request.abortSignal,
		json: !request.asText,
		...(request.asText ? { encoding: 'text' as const } : {}),
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	for (let hop = 0; ; hop++) {
		const response = (await httpRequest(options)) as IN8nHttpFullResponse;
		const location = response.headers?.location;
		if (!REDIRECTS.has(response.statusCode) || typeof location !== 'string') return response;
		const next = (() => {
			try {
				return new URL(location, url);
			} catch {
				return undefined;
			}
		})();
		if (!request.followSafeRedirects || !next || !isSafeRedirect(url, next)) {
			throw redirectError(target, url, location, request.followSafeRedirects);
		}
		if (hop >= MAX_REDIRECTS) {
			const message = `Highload (${url.host}) redirected the request more than ${MAX_REDIRECTS} times: not followed further`;
			throw apiErrorWith(target, message, 'The redirects go round in a circle. Check the Base URL in the credential.', 'redirect');
		}
		// The Location is followed as it stands (its own query); the request is a GET, so nothing else is replayed.
		url = next;
		options = { ...options, url: next.href, baseURL: undefined, qs: undefined };
	}
}

/** The helper of a context, bound to it, every request carrying the context's Proxy and Ignore SSL Issues. */
export function httpRequestOf(context: { helpers: { httpRequest: HttpRequest } }, network: NetworkOptions = {}): HttpRequest {
	return async (options) => await context.helpers.httpRequest(withNetwork(options, network));
}
