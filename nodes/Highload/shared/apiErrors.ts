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
}

export function failureMessage({ status, subject }: ApiFailure): string {
	if (status === 404 && subject) return `Highload could not find ${subject} (404)`;
	if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status];
	if (status >= 500) return `Highload had a server error (${status}): try again later`;
	return `Highload answered with status ${status}`;
}

/** The one way an API failure becomes an n8n error: a message in the user's terms, the API's msg as description. */
export function apiError(node: INode, failure: ApiFailure, itemIndex?: number): NodeApiError {
	const message = failureMessage(failure);
	const description = failure.apiMessage ? `Highload said: ${failure.apiMessage}` : undefined;
	const error = new NodeApiError(
		node,
		{ status: failure.status, message: failure.apiMessage ?? message } as JsonObject,
		{ message, description, httpCode: String(failure.status), itemIndex },
	);
	// NodeApiError rewrites message/description from status-code defaults in some paths: pin ours.
	error.message = message;
	error.description = description ?? null;
	return error;
}
