import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { normalizeRecord, recordsOf } from '../output/normalize';
import { asNodeError, isApiStatus } from '../transport/errors';
import { standaloneSession, type HighloadSession } from '../transport/session';
import { recallUploads, remember } from './staticData';

export interface RemoteScope {
	/** Ids to watch; empty: every remote upload of the account. */
	ids: string[];
	/** Statuses to emit; empty: all. */
	statuses: string[];
	timeout: number;
}

const EVENT = 'remoteUploadChanged';

/** "a, b c\nd" → ['a', 'b', 'c', 'd'] without repeats. */
export function parseIds(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

function statusOf(record: IDataObject): string {
	return String(record.status ?? '').trim().toLowerCase();
}

/** The remote uploads in scope, with their ids, as the API reports them now. */
async function currentUploads(context: IPollFunctions, session: HighloadSession, scope: RemoteScope): Promise<IDataObject[]> {
	if (scope.ids.length === 0) {
		let result: unknown;
		try {
			result = await session.request({ endpoint: 'remotedl/status' });
		} catch (error) {
			if (!isApiStatus(error, 400)) throw asNodeError(session.target, error);
			throw new NodeOperationError(context.getNode(), 'Highload does not list all remote uploads of the account: enter the Remote Upload IDs to watch', {
				description: `Fill "Remote Upload IDs" with the ids that Remote Upload → Add returned (comma-separated). ${error.description ?? ''}`.trim(),
			});
		}
		return recordsOf(result).filter((record) => record.id !== undefined && record.id !== null && record.id !== '');
	}
	const uploads: IDataObject[] = [];
	for (const id of scope.ids) {
		let result: unknown;
		try {
			result = await session.request({ endpoint: 'remotedl/status', qs: { id }, subject: `remote upload "${id}"` });
		} catch (error) {
			// Removed (or never existing) uploads are simply not there; the state forgets them.
			if (isApiStatus(error, 404)) continue;
			throw asNodeError(session.target, error);
		}
		const records = recordsOf(result);
		// A map keyed by id, or one object that may lack its id.
		const record = records.find((candidate) => String(candidate.id) === id) ?? (records.length === 1 ? records[0] : undefined);
		if (record) uploads.push({ ...record, id });
	}
	return uploads;
}

function wanted(scope: RemoteScope, status: string): boolean {
	return scope.statuses.length === 0 || scope.statuses.includes(status);
}

function toItem(record: IDataObject, previousStatus: string | null): INodeExecutionData {
	return { json: { ...normalizeRecord(record), event: EVENT, previousStatus } };
}

/** The latest moment an upload did something: finished, started or added (server time strings sort). */
function lastActivity(record: IDataObject): string {
	const times = [record.finished, record.started, record.added]
		.map((value) => String(value ?? ''))
		.filter((value) => value !== '' && !value.startsWith('0000'));
	return times.sort().pop() ?? '';
}

/** Manual mode: the most recently active upload with a status to emit, or a clear message. */
async function sampleUpload(context: IPollFunctions, scope: RemoteScope): Promise<INodeExecutionData[][]> {
	const session = await standaloneSession(context, scope.timeout);
	const uploads = (await currentUploads(context, session, scope)).filter((record) => wanted(scope, statusOf(record)));
	if (uploads.length === 0) {
		const which = scope.ids.length ? 'the given Remote Upload IDs' : 'this account';
		const statuses = scope.statuses.length ? ` with status ${scope.statuses.join(' or ')}` : '';
		throw new NodeOperationError(context.getNode(), `There is no remote upload${statuses} for ${which} yet`, {
			description: 'Start a remote upload (Highload → Remote Upload → Add), then fetch the test event again.',
		});
	}
	let best = uploads[0];
	for (const upload of uploads) if (lastActivity(upload) >= lastActivity(best)) best = upload;
	return [[toItem(best, null)]];
}

/** One poll of `remoteUploadChanged`: emit each upload whose status differs from the one remembered. */
export async function pollRemoteUploads(context: IPollFunctions, scope: RemoteScope): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await sampleUpload(context, scope);

	const session = await standaloneSession(context, scope.timeout);
	// Another set of ids, or another account (login + Base URL), records anew.
	const key = `${EVENT}|${[...scope.ids].sort().join(',')}|${session.access.account}`;
	const remembered = recallUploads(context, key);
	const known = remembered !== undefined;
	const previous = remembered ?? {};

	const uploads = await currentUploads(context, session, scope);
	const statuses: Record<string, string> = {};
	const items: INodeExecutionData[] = [];
	for (const record of uploads) {
		const id = String(record.id);
		const status = statusOf(record);
		statuses[id] = status;
		const before = Object.prototype.hasOwnProperty.call(previous, id) ? previous[id] : undefined;
		if (known && before !== status && wanted(scope, status)) items.push(toItem(record, before ?? null));
	}

	// Everything was read: only now does the state change. An upload no longer listed is dropped, so the memory is
	// bounded by the uploads the account has.
	remember(context, key, { uploads: statuses });

	return items.length > 0 ? [items] : null;
}
