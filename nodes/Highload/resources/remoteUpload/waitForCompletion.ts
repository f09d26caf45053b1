import { sleep, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { asOutput, type ItemRun, type OperationOutput } from '../../execution/itemRun';
import { records, type ResultReader } from '../../output/results';
import { operationError } from '../../transport/errors';

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 600;

/** Waiting until Highload has finished the upload: options of Add and Get. */
export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to check the status again and again (waiting longer each time) until Highload has finished or failed the upload, and output the final status',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_WAIT_TIMEOUT_SECONDS,
		description: "With 'Wait for Completion': how long to wait at most, in seconds, before giving up (the upload keeps running on Highload)",
	},
];

const FIRST_POLL_WAIT_MS = 1000;
const MAX_POLL_WAIT_MS = 30_000;

const uploadStatus = records('remote upload', ['status']);

function statusOf(record: IDataObject | undefined): string {
	return String(record?.status ?? '').toLowerCase();
}

function isFinal(status: string): boolean {
	return status === 'finished' || status === 'error';
}

function progress(record: IDataObject): string {
	const loaded = Number(record.bytes_loaded);
	const total = Number(record.bytes_total);
	return record.bytes_loaded !== null && Number.isFinite(loaded) && total > 0 ? `, ${loaded} of ${total} bytes` : '';
}

/** The current status of one upload: a request of its own (remotedl/status), about that upload. */
async function currentStatus(run: ItemRun, id: string): Promise<IDataObject> {
	const found = uploadStatus(await run.session.request({ endpoint: 'remotedl/status', qs: { id }, subject: `remote upload "${id}"` }), run);
	return found.find((record) => String(record.id) === id) ?? { ...found[0], id };
}

/** Polls one upload until it is `finished` or `error`, with growing waits, bounded by the deadline. */
async function waitForOne(run: ItemRun, started: IDataObject, timeoutMs: number): Promise<IDataObject> {
	const id = String(started.id ?? run.qs.id ?? '').trim();
	const deadline = Date.now() + timeoutMs;
	let current = statusOf(started) ? started : await currentStatus(run, id);
	for (let wait = FIRST_POLL_WAIT_MS; !isFinal(statusOf(current)); wait = Math.min(wait * 2, MAX_POLL_WAIT_MS)) {
		const left = deadline - Date.now();
		if (left <= 0) {
			throw operationError(
				run.target,
				`Remote upload "${id}" did not finish within ${timeoutMs / 1000} s (last status: ${statusOf(current) || 'unknown'}${progress(current)})`,
				'It keeps running on Highload: check it later with Remote Upload → Get, or raise Wait Timeout (Seconds) under Options.',
			);
		}
		await sleep(Math.min(wait, left));
		current = await currentStatus(run, id);
	}
	if (statusOf(current) === 'error') {
		throw operationError(
			run.target,
			`Highload could not fetch remote upload "${id}" (its status is 'error')`,
			`Highload failed to download ${String(current.remoteurl ?? 'the remote URL')}. Check that the link works, then use Remote Upload → Restart Failed.`,
		);
	}
	return current;
}

/**
 * Remote Upload → Get: the operation's request, then, with Wait for Completion, the final status of each upload it
 * returned instead of the first answer (Add waits through waitIfAsked, after its own request).
 */
export function sendAndWait(reader: ResultReader) {
	return async (run: ItemRun): Promise<OperationOutput[]> => {
		const { session, endpoint, qs, subject } = run;
		return asOutput(await waitIfAsked(run, reader(await session.request({ endpoint, qs, subject }), run)));
	};
}

/** With Wait for Completion: the final status of each upload instead of its first record (marks such as `skipped` kept). */
export async function waitIfAsked(run: ItemRun, first: IDataObject[]): Promise<IDataObject[]> {
	const options = run.context.getNodeParameter('options', {}) as IDataObject;
	if (!options.waitForCompletion) return first;
	const timeoutMs = Math.max(1, Number(options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS)) * 1000;
	const finished: IDataObject[] = [];
	for (const record of first) {
		const final = await waitForOne(run, record, timeoutMs);
		finished.push(record.skipped === undefined ? final : { ...final, skipped: record.skipped });
	}
	return finished;
}
