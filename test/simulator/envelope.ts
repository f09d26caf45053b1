import { formatTime } from './time';

export const BANDWIDTH_MSG = 'Bandwidth usage exceeded. Please try again later.';

const DEFAULT_MESSAGES: Record<number, string> = {
	200: 'OK',
	400: 'Bad request',
	403: 'Permission denied',
	404: 'File not found',
	451: 'Unavailable For Legal Reasons',
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	509: BANDWIDTH_MSG,
};

export function defaultMessage(status: number): string {
	return DEFAULT_MESSAGES[status] ?? (status >= 500 ? 'Server error' : 'Error');
}

/** Thrown by endpoint code; becomes an error envelope. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string = defaultMessage(status),
	) {
		super(message);
	}
}

export interface Envelope {
	status: number;
	msg: string;
	server_time: string;
	result: unknown;
}

export function envelope(status: number, msg: string, result: unknown): Envelope {
	return { status, msg, server_time: formatTime(), result };
}

export const okEnvelope = (result: unknown): Envelope => envelope(200, 'OK', result);

/** Error envelopes carry `result: null`. */
export const errorEnvelope = (status: number, msg: string = defaultMessage(status)): Envelope => envelope(status, msg, null);

/**
 * Serializes like PHP's json_encode (the family's servers): "/" as "\/" and non-ASCII as \uXXXX.
 * Both only occur inside JSON strings, so a textual pass over the output is safe.
 */
export function toPhpJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
