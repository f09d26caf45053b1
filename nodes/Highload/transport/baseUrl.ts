/**
 * The API key travels as a query parameter, so it must never go out over plain http: the real API answers
 * http with a redirect only after the key was already sent. http:// is accepted for loopback hosts only
 * (a local simulator or tunnel), everything else must be https://.
 */
export const DEFAULT_BASE_URL = 'https://api.highload.to';

export const INSECURE_BASE_URL_MESSAGE =
	"The 'Base URL' must start with https:// (http:// is allowed only for localhost, 127.x.x.x or [::1]), because the API key is sent with every request. Fix the 'Base URL' in the Highload credential.";

const SECURE_BASE_URL = /^(https:\/\/[^\s/]+|http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?)(\/[^\s]*)?$/i;

/** Matches http:// URLs that are not loopback (for the credential dialog's warning). */
export const INSECURE_BASE_URL_PATTERN = '^\\s*http://(?!(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(/|\\s*$))';

/** Returns the base URL without trailing slashes, or undefined when it may not carry the key. */
export function secureBaseUrl(baseUrl: unknown): string | undefined {
	const trimmed = String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	return SECURE_BASE_URL.test(trimmed) ? trimmed : undefined;
}
