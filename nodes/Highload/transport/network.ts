import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * The two Request Options n8n adds to every declarative node that decide how a connection is made: Proxy and Ignore
 * SSL Issues. Every request of a node run carries them (API calls, the upload, the thumbnail download). The trigger,
 * the folder search and the credential test have no Request Options: they use n8n's own settings (the
 * HTTP_PROXY/HTTPS_PROXY/NO_PROXY environment, certificates always verified).
 */
export interface NetworkOptions {
	proxy?: NonNullable<IHttpRequestOptions['proxy']>;
	skipSslCertificateValidation?: boolean;
}

/** Proxy as n8n's declarative engine reads it (`http://user:pass@host:port`), or undefined when it is not a URL with a host. */
export function proxyOf(value: unknown): NetworkOptions['proxy'] | undefined {
	let url: URL;
	try {
		url = new URL(String(value ?? '').trim());
	} catch {
		return undefined;
	}
	if (!url.hostname || !/^https?:$/.test(url.protocol)) return undefined;
	const protocol = url.protocol.slice(0, -1);
	const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
	const proxy: NonNullable<NetworkOptions['proxy']> = { host: url.hostname.replace(/^\[|\]$/g, ''), port, protocol };
	if (url.username) proxy.auth = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
	return proxy;
}

/** Whether the node's Request Options hold a Proxy at all (one n8n would ignore must fail, not be ignored). */
export function hasProxy(options: IDataObject): boolean {
	return String(options.proxy ?? '').trim() !== '';
}

/** The proxy as shown in messages: host and port, never its password. */
export function proxyLabel(proxy: NetworkOptions['proxy']): string | undefined {
	return proxy ? `${proxy.protocol ?? 'http'}://${proxy.host}:${proxy.port}` : undefined;
}

/** The request options n8n's helper takes for these settings. */
export function withNetwork(options: IHttpRequestOptions, network: NetworkOptions): IHttpRequestOptions {
	return {
		...options,
		...(network.proxy ? { proxy: network.proxy } : {}),
		...(network.skipSslCertificateValidation ? { skipSslCertificateValidation: true } : {}),
	};
}
