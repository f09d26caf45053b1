import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/** What each envelope status of the Highload API means for the user, in their terms. */
const STATUS_MESSAGES: Record<number, string> = {
	400: 'Highload rejected a parameter of this request (400 Bad Request)',
	403: 'Highload refused the request (403): wrong API Login or API Key, or the file or folder is not yours',
	404: 'Highload could not find the requested item (404)',
	451: 'Highload blocks this item for legal reasons (451)',
	509: 'Highload bandwidth limit exceeded (509): try again later or enable Retry On Fail',
};

export const BANDWIDTH_EXCEEDED = 509;

/** Where an error is reported: the node, the item it concerns, and the mask that keeps secrets out of its texts. */
export interface ErrorTarget {
	node: INode;
	itemIndex?: number;
	mask: (text: string) => string;
}

export interface ApiFailure {
	/** Envelope status, or HTTP status when there was no envelope. */
	status: number;
	/** The API's own message (shown, never parsed). */
	apiMessage?: string;
	/** Which object the request was about, for "not found" messages: e.g. `file "abc123"`. */
	subject?: string;
	/** Our own explanation, when the answer was no envelope at all (an HTML page, broken JSON). */
	detail?: string;
}

function failureMessage({ status, subject, detail }: ApiFailure): string {
	if (status === 404 && subject) return `Highload could not find ${subject} (404)`;
	if (detail && status < 500) return `Highload sent an answer that could not be read (HTTP ${status})`;
	if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status];
	if (status >= 500) return `Highload's server could not handle the request (${status}): try again later`;
	return `Highload answered with status ${status}`;
}

/**
 * A NodeApiError that says exactly `message` and `description` (NodeApiError otherwise rewrites both from what it
 * finds in the error response), both masked.
 */
export function apiErrorWith(target: ErrorTarget, message: string, description: string | undefined, httpCode?: string): NodeApiError {
	const masked = { message: target.mask(message), description: description === undefined ? undefined : target.mask(description) };
	const error = new NodeApiError(target.node, { message: masked.message } as JsonObject, { ...masked, httpCode, itemIndex: target.itemIndex });
	error.message = masked.message;
	error.description = masked.description ?? null;
	return error;
}

/** The one way an API failure becomes an n8n error: a message in the user's terms, the API's msg as description. */
export function apiError(target: ErrorTarget, failure: ApiFailure): NodeApiError {
	const description = failure.detail ?? (failure.apiMessage ? `Highload said: ${failure.apiMessage}` : undefined);
	return apiErrorWith(target, failureMessage(failure), description, String(failure.status));
}

/**
 * A failure that has no HTTP status (a check before sending, a result that lacks what is needed): an error without
 * an error code. It is a NodeApiError because n8n's declarative engine wraps any other error of an item into a
 * NodeApiError with the code "none", which the editor then shows as "Error code none".
 */
export function operationError(target: ErrorTarget, message: string, description?: string): NodeApiError {
	return apiErrorWith(target, message, description);
}

/**
 * Whether `error` is Highload answering with this status (the envelope's, or the HTTP status when there was no
 * envelope): the one test for a failure a caller expects, e.g. a 404 meaning "gone".
 */
export function isApiStatus(error: unknown, status: number): error is NodeApiError {
	return error instanceof NodeApiError && error.httpCode === String(status);
}

export function isBandwidthExceeded(error: unknown): boolean {
	return isApiStatus(error, BANDWIDTH_EXCEEDED);
}

type CodedError = Error & { code?: unknown; cause?: unknown };

/** The codes Node gives a certificate that could not be verified (self-signed, unknown CA, expired, other name). */
const CERTIFICATE_CODE = /^(CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** The system error code (ECONNRESET, ECONNABORTED, a certificate's...) behind an error, also when n8n's helper wrapped it. */
function networkErrorCode(error: unknown): string | undefined {
	for (let current = error as CodedError | undefined, depth = 0; current && depth < 4; depth++) {
		if (typeof current.code === 'string' && (/^(E[A-Z]+|ERR_[A-Z_]+)$/.test(current.code) || CERTIFICATE_CODE.test(current.code))) return current.code;
		current = current.cause as CodedError | undefined;
	}
	return undefined;
}

/** Where a request went, for its network errors. */
export interface NetworkPath {
	/** The server as messages name it mid-sentence: `Highload` (the default), `the upload server`, `the thumbnail server`. */
	server?: string;
	/** host:port of the request. */
	host?: string;
	/** The proxy the request went through (no password). */
	proxy?: string;
	/** Whether the context offers Ignore SSL Issues (a node's Request Options; the trigger and search do not). */
	canIgnoreSsl?: boolean;
}

function certificateAdvice(path: NetworkPath): string {
	return path.canIgnoreSsl
		? 'If you trust this server (for example your own Base URL with a self-signed certificate), turn on Ignore SSL Issues under Request Options.'
		: 'The trigger, the folder search and the credential test always verify certificates: give n8n the certificate authority (NODE_EXTRA_CA_CERTS) or use a Base URL with a valid certificate.';
}

type SsrfBlock = Error & { ip?: string; hostname?: string };

/** n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) refusing a destination: its own error, also when wrapped. */
function ssrfBlock(error: unknown): SsrfBlock | undefined {
	for (let current = error as CodedError | undefined, depth = 0; current && depth < 4; depth++) {
		if (/^Ssrf/.test(current.name ?? '')) return current;
		current = current.cause as CodedError | undefined;
	}
	return undefined;
}

/** An IPv4 or IPv6 address rather than a name (`net` is not among the imports n8n allows a community node). */
const isIP = (hostname: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(':');

/** What a self-hosted n8n administrator allows so that n8n's SSRF protection lets the request through. */
function ssrfAllowance(block: SsrfBlock, hostname: string): string {
	if (block.name === 'SsrfBlockedHostnameError') return `remove ${hostname} from N8N_SSRF_BLOCKED_HOSTNAMES or add it to N8N_SSRF_ALLOWED_HOSTNAMES`;
	const range = block.ip ? `${block.ip}/${block.ip.includes(':') ? 128 : 32}` : undefined;
	// An address typed as an IP is checked against the IP ranges only; a name can also be allowed as a name.
	if (isIP(hostname)) return `add ${range ?? `${hostname}/32`} to N8N_SSRF_ALLOWED_IP_RANGES`;
	return `add ${hostname} to N8N_SSRF_ALLOWED_HOSTNAMES${range ? ` or ${range} to N8N_SSRF_ALLOWED_IP_RANGES` : ''}`;
}

/** n8n refused the destination: which one, and what to allow-list. */
function ssrfError(target: ErrorTarget, block: SsrfBlock, server: string, host: string): NodeApiError {
	const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
	const address = block.ip && block.ip !== hostname ? `${hostname} (${block.ip})` : hostname;
	const message = `n8n's SSRF protection blocked the request to ${server} at ${host}`;
	const description =
		`${address} is an address n8n blocks (a local or private network). If this server is yours, ask your n8n administrator ` +
		`to allow it: ${ssrfAllowance(block, hostname)}. Highload hands out the upload and thumbnail servers' addresses; they are checked too.`;
	return apiErrorWith(target, message, description, 'SSRF');
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Network failures as a user can act on them; never echoes the request (its URL carries the key). */
export function networkError(target: ErrorTarget, error: Error, timeoutMs: number, path: NetworkPath = {}): NodeApiError {
	const server = path.server ?? 'Highload';
	const blocked = ssrfBlock(error);
	if (blocked) return ssrfError(target, blocked, server, path.host ?? blocked.hostname ?? 'an unknown host');
	const code = networkErrorCode(error) ?? '';
	const at = path.host ? ` (${path.host})` : '';
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(error.message);
	if (timedOut) {
		return apiErrorWith(target, `${capitalized(server)} did not answer within ${Math.round(timeoutMs / 1000)} s`, 'Try again later, or raise Timeout under Request Options.', code || undefined);
	}
	if (CERTIFICATE_CODE.test(code)) {
		return apiErrorWith(target, `The certificate of ${server}${at} could not be verified (${code})`, certificateAdvice(path), code);
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		const nothing = code === 'ECONNREFUSED' ? 'nothing accepted the connection' : 'the host name was not found';
		if (path.proxy) {
			return apiErrorWith(target, `Could not connect to the proxy ${path.proxy}: ${nothing} (${code})`, 'Check Proxy under Request Options.', code);
		}
		const fix = server === 'Highload' ? 'Check the Base URL in the Highload credential.' : 'Try again later; if it keeps happening, the address Highload handed out is wrong.';
		return apiErrorWith(target, `Could not connect to ${server}${at}: ${nothing} (${code})`, fix, code);
	}
	const description = `The network connection dropped (${code || error.message}). Try again later, or enable Retry On Fail.`;
	return apiErrorWith(target, `The connection to ${server} broke before it answered`, description, code || undefined);
}

/**
 * An error as n8n shows it: a NodeApiError as it is; anything else (n8n's own NodeOperationErrors included, such as
 * a missing binary field) as an error without a code, its texts masked.
 */
export function asNodeError(target: ErrorTarget, error: unknown): NodeApiError {
	if (error instanceof NodeApiError) return error;
	if (error instanceof NodeOperationError) return operationError(target, error.message, error.description ?? undefined);
	return operationError(target, error instanceof Error ? error.message : String(error));
}

/**
 * A failure shared by several items (one listing or creation serving the whole run) as this item's own error:
 * the same message, description and code, reported for this item.
 */
export function forItem(target: ErrorTarget, error: unknown): NodeApiError {
	const failure = asNodeError(target, error);
	if (failure.context?.itemIndex === target.itemIndex) return failure;
	return apiErrorWith(target, failure.message, failure.description ?? undefined, failure.httpCode ?? undefined);
}
