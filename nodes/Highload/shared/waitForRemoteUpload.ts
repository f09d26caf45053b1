import {
	NodeOperationError,
	sleep,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { userFacingApiError } from './apiErrors';
import { sendLimited } from './transport';
import { optionsCollection } from './parameters';

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 600;
const FIRST_POLL_WAIT_MS = 1000;
const MAX_POLL_WAIT_MS = 30_000;

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** The Options of Remote Upload → Add and → Get. */
export const remoteUploadWaitOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to check the status again and again (waiting longer each time) until Highload has finished or failed the upload, and output the final status',
	},
	{
		displayName: 'Wait Timeout',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_WAIT_TIMEOUT_SECONDS,
		description: 'With Wait for Completion: how many seconds to wait at most before failing (the upload keeps running on Highload)',
	},
]);

function isFinal(status: string): boolean {
	return status === 'finished' || status === 'error';
}

function statusOf(item: INodeExecutionData | undefined): string {
	return String(item?.json.status ?? '').toLowerCase();
}

function progress(record: IDataObject): string {
	const loaded = record.bytes_loaded;
	const total = record.bytes_total;
	return typeof loaded === 'number' && typeof total === 'number' && total > 0 ? `, ${loaded} of ${total} bytes` : '';
}

/**
 * Polls `remotedl/status` for one upload until it is `finished` or `error`, with growing waits, bounded by the
 * deadline. Status requests go through the node's one sender (gate, 509 retries) and output hook (either result
 * shape, normalized records).
 */
async function waitForOne(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	started: INodeExecutionData,
	timeoutMs: number,
): Promise<INodeExecutionData> {
	const id = String(started.json.id ?? '').trim();
	if (!id) {
		throw userFacingApiError(
			context.getNode(),
			{ message: 'Highload did not say which remote upload to wait for', description: `The answer was ${JSON.stringify(started.json)}.`, httpCode: 'none' },
			context.getItemIndex(),
		);
	}
	const statusRequest: RequestData = {
		...requestData,
		options: { ...requestData.options, method: 'GET', url: '/remotedl/status', qs: { id } },
	};
	const poll = async () => {
		const records = await sendLimited(context, statusRequest);
		return records.find((record) => String(record.json.id) === id) ?? records[0];
	};
	const deadline = Date.now() + timeoutMs;
	let current = statusOf(started) ? started : await poll();
	for (let wait = FIRST_POLL_WAIT_MS; !isFinal(statusOf(current)); wait = Math.min(wait * 2, MAX_POLL_WAIT_MS)) {
		const left = deadline - Date.now();
		if (left <= 0) {
			throw new NodeOperationError(
				context.getNode(),
				`Remote upload "${id}" did not finish within ${timeoutMs / 1000} s (last status: ${statusOf(current) || 'unknown'}${progress(current?.json ?? {})})`,
				{
					itemIndex: context.getItemIndex(),
					description: 'It keeps running on Highload: check it later with Remote Upload → Get, or raise Wait Timeout under Options.',
				},
			);
		}
		await sleep(Math.min(wait, left));
		current = await poll();
	}
	if (statusOf(current) === 'error') {
		throw userFacingApiError(
			context.getNode(),
			{
				message: `Highload could not fetch remote upload "${id}" (status: error)`,
				description: `Highload failed to download ${String(current.json.remoteurl ?? 'the remote URL')}. Check that the link works, then use Remote Upload → Restart Failed.`,
				httpCode: 'none',
			},
			context.getItemIndex(),
		);
	}
	return current;
}

/**
 * The request of Remote Upload → Add / → Get, then, with Wait for Completion, the final status of each upload it
 * returned instead of the first answer.
 */
export async function sendAndWaitForRemoteUpload(this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
	const items = await sendLimited(this, requestData);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (!options.waitForCompletion) return items;
	const timeoutMs = Math.max(1, Number(options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS)) * 1000;
	const finished: INodeExecutionData[] = [];
	for (const item of items) finished.push(await waitForOne(this, requestData, item, timeoutMs));
	return finished;
}
