import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

/** What each envelope status means for the user, in their terms (highload-api.txt, GUIDE §1). */
const STATUS_MESSAGES: Record<number, string> = {
	400: 'Highload rejected a parameter of this request (400 Bad Request)',
	403: 'Highload refused the request (403): wrong API Login or API Key, or the file or folder is not yours',
	404: 'Highload could not find the requested item (404)',
	451: 'Highload blocks this item for legal reasons (451)',
	509: 'Highload bandwidth limit exceeded (509): try again later or enable Retry On Fail',
};

export const BANDWIDTH_EXCEEDED = 509;

export interface ApiFailure {
	/** Envelope status, or HTTP status when there was no envelope. */
	status: number;
	/** The API's own message (shown, never parsed). */
	apiMessage?: string;
	/** Which id the request was about, for "not found" messages: e.g. `file "abc123"`. */
	subject?: string;
	/** Our own explanation, when the answer was no envelope at all (an HTML page, broken JSON). */
	detail?: string;
}

export function failureMessage({ status, subject, detail }: ApiFailure): string {
	if (status === 404 && subject) return `Highload could not find ${subject} (404)`;
	if (detail && status < 500) return `Highload sent an answer that could not be read (HTTP ${status})`;
	if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status];
	if (status >= 500) return `Highload had a server error (${status}): try again later`;
	return `Highload answered with status ${status}`;
}

/**
 * A NodeApiError that says exactly `message` and `description`. NodeApiError otherwise rewrites both from
 * what it finds in the error response (status-code defaults, generic texts for network codes).
 */
export function userFacingApiError(
	node: INode,
	error: { message: string; description?: string; httpCode: string },
	itemIndex?: number,
): NodeApiError {
	const apiError = new NodeApiError(node, { message: error.message } as JsonObject, { ...error, itemIndex });
	apiError.message = error.message;
	apiError.description = error.description ?? null;
	return apiError;
}

/** The one way an API failure becomes an n8n error: a message in the user's terms, the API's msg as description. */
export function apiError(node: INode, failure: ApiFailure, itemIndex?: number): NodeApiError {
	const description = failure.detail ?? (failure.apiMessage ? `Highload said: ${failure.apiMessage}` : undefined);
	return userFacingApiError(node, { message: failureMessage(failure), description, httpCode: String(failure.status) }, itemIndex);
}
