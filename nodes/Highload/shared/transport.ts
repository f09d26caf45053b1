import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import { BANDWIDTH_EXCEEDED, userFacingApiError } from './apiErrors';
import { throughGate } from './concurrency';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const DEFAULT_BANDWIDTH_RETRIES = 3;
const FIRST_RETRY_WAIT_MS = 1000;

interface RequestLimits {
	maxConcurrentRequests: number;
	bandwidthRetries: number;
	timeout?: number;
}

/** The node's Request Options (n8n adds Batching, Timeout, Proxy; we add the two Highload-specific ones). */
export function requestLimits(context: IExecuteSingleFunctions): RequestLimits {
	const options = context.getNodeParameter('requestOptions', {}) as Partial<RequestLimits>;
	return {
		maxConcurrentRequests: Math.max(1, Number(options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS)),
		bandwidthRetries: Math.max(0, Number(options.bandwidthRetries ?? DEFAULT_BANDWIDTH_RETRIES)),
		timeout: options.timeout,
	};
}

function isBandwidthExceeded(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === String(BANDWIDTH_EXCEEDED);
}

type CodedError = Error & { code?: unknown; cause?: unknown };

/** The system error code (ECONNRESET, ECONNABORTED...) behind an error, also when n8n's helper wrapped it. */
export function networkErrorCode(error: unknown): string | undefined {
	for (let current = error as CodedError | undefined, depth = 0; current && depth < 4; depth++) {
		if (typeof current.code === 'string' && /^(E[A-Z]+|ERR_[A-Z_]+)$/.test(current.code)) return current.code;
		current = current.cause as CodedError | undefined;
	}
	return undefined;
}

/** Network failures as a user can act on them; never echoes the request (its URL carries the key). */
export function networkError(node: INode, error: Error, timeout: number | undefined, itemIndex?: number): NodeApiError {
	const code = networkErrorCode(error) ?? '';
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(error.message);
	const message = timedOut
		? `Highload did not answer within ${Math.round((timeout ?? 300_000) / 1000)} s`
		: code === 'ECONNREFUSED' || code === 'ENOTFOUND'
			? 'Could not connect to Highload: check the Base URL in the credential'
			: 'The connection to Highload broke before it answered';
	const description = timedOut
		? 'Try again later, or raise Timeout under Request Options.'
		: `Network error ${code || error.message}. Try again later, or enable Retry On Fail.`;
	return userFacingApiError(node, { message, description, httpCode: code || 'none' }, itemIndex);
}

/**
 * Sends one request of the declarative node and returns its items: at most `maxConcurrentRequests` at a time per
 * node run, a 509 retried with growing waits, network failures turned into clear errors.
 */
export async function sendLimited(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limits = requestLimits(context);
	const scope = `${context.getExecutionId()}:${context.getNode().name}`;
	return await retryOnBandwidthExceeded(context, limits.bandwidthRetries, async () => {
		try {
			return await throughGate(scope, limits.maxConcurrentRequests, async () => await context.makeRoutingRequest(requestData));
		} catch (error) {
			const ours = (error instanceof NodeApiError || error instanceof NodeOperationError) && !networkErrorCode(error);
			throw ours ? error : networkError(context.getNode(), error as Error, limits.timeout, context.getItemIndex());
		}
	});
}

/**
 * Runs `task` again after a 509 (bandwidth exceeded), waiting 1 s, 2 s, 4 s... up to the node's Bandwidth Retries:
 * the policy of every request, also of steps that are not routing requests (the upload POST).
 */
export async function retryOnBandwidthExceeded<T>(
	context: IExecuteSingleFunctions,
	bandwidthRetries: number,
	task: () => Promise<T>,
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await task();
		} catch (error) {
			if (isBandwidthExceeded(error) && attempt < bandwidthRetries) {
				await sleep(FIRST_RETRY_WAIT_MS * 2 ** attempt);
				continue;
			}
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(context.getNode(), error as Error, { itemIndex: context.getItemIndex() });
		}
	}
}

/**
 * n8n hands a declarative request to the operation's "pagination" function when there is one: every operation
 * routes through this one, so limiting and retrying live in a single place.
 */
export async function sendOperationRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendLimited(this, requestData);
}
