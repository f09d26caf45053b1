import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
} from 'n8n-workflow';

import { readAccess, readAccessOncePerRun, type ApiAccess } from './access';
import { throughAccountGate } from './accountGate';
import { readEnvelope, type RawResponse } from './envelope';
import { asNodeError, isBandwidthExceeded, networkError, operationError, type ErrorTarget, type NetworkPath } from './errors';
import { hasProxy, proxyLabel, proxyOf, type NetworkOptions } from './network';
import { exchange, httpRequestOf, type HttpExchange, type HttpRequest } from './httpExchange';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const DEFAULT_BANDWIDTH_RETRIES = 3;
/** What n8n's declarative engine waits for an answer when the user set no Timeout. */
export const DEFAULT_TIMEOUT_MS = 300_000;
const FIRST_RETRY_WAIT_MS = 1000;

export interface RequestLimits {
	maxConcurrentRequests: number;
	bandwidthRetries: number;
	timeoutMs: number;
}

/** One Highload API call: the endpoint, its query, and the object it is about (named when it is not found). */
export interface ApiRequest {
	endpoint: string;
	qs?: IDataObject;
	/** e.g. `file "abc123"`: a 404 then says "Highload could not find file "abc123"". */
	subject?: string;
	/** Overrides the 509 retries, for a step whose caller retries the whole sequence (upload: file/ul + POST). */
	bandwidthRetries?: number;
}

function maskOf(access: ApiAccess): (text: string) => string {
	const secrets = [access.key, access.login]
		.filter((secret) => secret !== '')
		.flatMap((secret) => [secret, encodeURIComponent(secret)])
		.sort((a, b) => b.length - a.length);
	return (text) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), String(text));
}

/**
 * What a session sends with and reports to: the node errors name, n8n's request helper of the context, and the
 * connection settings (Proxy, Ignore SSL Issues) when the context has Request Options.
 */
export interface SessionLink {
	node: INode;
	httpRequest: HttpRequest;
	network?: NetworkOptions;
}

/**
 * The one way this package talks to Highload. Every API request of the node, the trigger and the folder search,
 * and the upload POST, goes through a session, which owns: the credential (read once per node run, poll or
 * search) and its Base URL rule, the account's concurrency gate, the 509 policy (waits of 1 s, 2 s, 4 s...,
 * applied once per request), the redirect policy, the timeout, the mapping of network failures, and the masking
 * of the key and login in every text it builds from an answer.
 */
export class HighloadSession {
	readonly mask: (text: string) => string;

	constructor(
		private readonly link: SessionLink,
		readonly access: ApiAccess,
		readonly limits: RequestLimits,
		private readonly itemIndex?: number,
		private readonly abortSignal?: AbortSignal,
	) {
		this.mask = maskOf(access);
	}

	/** Where errors of this session are reported. */
	get target(): ErrorTarget {
		return { node: this.link.node, itemIndex: this.itemIndex, mask: this.mask };
	}

	/** Sends one API request and returns the envelope's `result`, or throws a NodeApiError. */
	async request(request: ApiRequest): Promise<unknown> {
		return await this.withBandwidthRetries(request.bandwidthRetries ?? this.limits.bandwidthRetries, async () => {
			const response = await this.send({
				method: 'GET',
				baseURL: this.access.baseUrl,
				url: `/${request.endpoint}`,
				qs: { ...request.qs, login: this.access.login, key: this.access.key },
				timeoutMs: this.limits.timeoutMs,
				followSafeRedirects: true,
			});
			return readEnvelope(this.target, response, request.subject);
		});
	}

	/**
	 * Runs `task` again after a 509 (bandwidth exceeded), waiting 1 s, 2 s, 4 s... up to `retries` times. Used once
	 * per request, or once around a sequence whose steps send with `bandwidthRetries: 0`.
	 */
	async withBandwidthRetries<T>(retries: number, task: () => Promise<T>): Promise<T> {
		for (let attempt = 0; ; attempt++) {
			try {
				return await task();
			} catch (error) {
				if (!isBandwidthExceeded(error) || attempt >= retries) throw asNodeError(this.target, error);
				await sleep(FIRST_RETRY_WAIT_MS * 2 ** attempt);
			}
		}
	}

	/** Where a request to `url` goes, for its network errors. */
	networkPath(url: string, server?: string): NetworkPath {
		let host: string | undefined;
		try {
			host = new URL(url).host;
		} catch {
			host = undefined;
		}
		return { server, host, proxy: proxyLabel(this.link.network?.proxy), canIgnoreSsl: this.link.network !== undefined };
	}

	/** One HTTP exchange through the account's gate; network failures become clear errors. */
	async send(request: Omit<HttpExchange, 'abortSignal'>, abortSignal = this.abortSignal): Promise<RawResponse> {
		try {
			return await throughAccountGate(this.access.account, this.limits.maxConcurrentRequests, async () =>
				await exchange(this.link.httpRequest, this.target, { ...request, abortSignal }),
			);
		} catch (error) {
			const ours = error instanceof NodeApiError || error instanceof NodeOperationError;
			const url = request.baseURL ? `${request.baseURL}${request.url}` : request.url;
			throw ours ? error : networkError(this.target, error as Error, request.timeoutMs ?? this.limits.timeoutMs, this.networkPath(url, request.destination));
		}
	}

	/**
	 * A public file (a thumbnail on Highload's CDN): no credential goes with it, so redirects (up to 5) are followed.
	 * The full answer whatever its status: the caller checks what came back.
	 */
	async download(url: string, server: string): Promise<RawResponse> {
		const options: IHttpRequestOptions = {
			url,
			encoding: 'arraybuffer',
			json: false,
			timeout: this.limits.timeoutMs,
			maxRedirects: 5,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			abortSignal: this.abortSignal,
		};
		try {
			return (await this.link.httpRequest(options)) as RawResponse;
		} catch (error) {
			throw networkError(this.target, error as Error, this.limits.timeoutMs, this.networkPath(url, server));
		}
	}
}

/** Proxy and Ignore SSL Issues of an item's Request Options; a Proxy that is not http(s) fails, naming the field. */
function itemNetwork(context: IExecuteSingleFunctions, options: IDataObject): NetworkOptions {
	const proxy = proxyOf(options.proxy);
	if (!proxy && hasProxy(options)) {
		const target = { node: context.getNode(), itemIndex: context.getItemIndex(), mask: (text: string) => text };
		// n8n checks that a proxy has a host and a port, and its helper then ignores any but http(s) proxies silently.
		throw operationError(
			target,
			'The Proxy under Request Options is not an http:// or https:// URL',
			"n8n's requests go only through HTTP(S) proxies: enter it as http://host:port (or http://user:password@host:port).",
		);
	}
	return { proxy, skipSslCertificateValidation: options.allowUnauthorizedCerts === true };
}

/** The node's Request Options (n8n adds Batching, Timeout, Proxy, Ignore SSL Issues; we add two Highload-specific ones). */
function itemLimits(context: IExecuteSingleFunctions): RequestLimits {
	const options = context.getNodeParameter('requestOptions', {}) as IDataObject;
	const number = (value: unknown, fallback: number) => (Number.isFinite(Number(value ?? fallback)) ? Number(value ?? fallback) : fallback);
	return {
		maxConcurrentRequests: Math.max(1, number(options.maxConcurrentRequests, DEFAULT_MAX_CONCURRENT_REQUESTS)),
		bandwidthRetries: Math.max(0, number(options.bandwidthRetries, DEFAULT_BANDWIDTH_RETRIES)),
		timeoutMs: Number(options.timeout) > 0 ? Number(options.timeout) : DEFAULT_TIMEOUT_MS,
	};
}

/** The session of one item of a node run (credential shared by the run, limits as the item's Request Options say). */
export async function itemSession(context: IExecuteSingleFunctions): Promise<HighloadSession> {
	const access = await readAccessOncePerRun(context);
	const network = itemNetwork(context, context.getNodeParameter('requestOptions', {}) as IDataObject);
	const link = { node: context.getNode(), httpRequest: httpRequestOf(context, network), network };
	return new HighloadSession(link, access, itemLimits(context), context.getItemIndex(), context.getExecutionCancelSignal());
}

/**
 * The session of one poll or one folder search: the credential read once for all its requests. A 509 fails at once:
 * the next poll catches up, and the editor's search should answer rather than wait. These contexts have no Request
 * Options: n8n's own proxy settings (HTTP_PROXY/HTTPS_PROXY/NO_PROXY) apply and certificates are always verified.
 */
export async function standaloneSession(context: IPollFunctions | ILoadOptionsFunctions, timeoutMs: number): Promise<HighloadSession> {
	const limits = { maxConcurrentRequests: DEFAULT_MAX_CONCURRENT_REQUESTS, bandwidthRetries: 0, timeoutMs };
	return new HighloadSession({ node: context.getNode(), httpRequest: httpRequestOf(context) }, await readAccess(context), limits);
}
