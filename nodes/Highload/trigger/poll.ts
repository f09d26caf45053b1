import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { hasFileFilters } from '../listing/filters';
import { readFolderField, resolveFolderPath } from '../listing/folderPaths';
import { FILTER_LABELS } from '../descriptions/listingFilters';
import { readFileFilters } from '../parameters/listingFilters';
import { canonicalFolderId, FOLDER_ID_HINT, ROOT_FOLDER_ID } from '../parameters/ids';
import { runningPolls } from '../transport/processState';
import { standaloneSession, type HighloadSession } from '../transport/session';
import { pollFiles, type FileEvent } from './fileEvents';
import { parseIds, pollRemoteUploads } from './remoteUploadEvents';

const DEFAULT_TIMEOUT = 60_000;

/**
 * The folder to watch: an id as given, or a path resolved from the root at the start of each poll (so a folder
 * renamed or replaced under that path is followed; the baseline then starts anew, as for any other folder).
 */
async function watchedFolder(context: IPollFunctions, session: HighloadSession): Promise<string | undefined> {
	const field = readFolderField(context, 'folderId');
	if ('path' in field) {
		if (field.path.trim() === '') return undefined;
		const folder = await resolveFolderPath(undefined, session, field.path, false);
		return folder.id === ROOT_FOLDER_ID ? undefined : folder.id;
	}
	const folder = field.value;
	const folderId = String(folder ?? '').trim() === '' ? undefined : canonicalFolderId(folder);
	if (folderId === undefined && String(folder ?? '').trim() !== '') {
		throw new NodeOperationError(context.getNode(), `Folder: "${String(folder).trim()}" is not a folder ID`, {
			description: FOLDER_ID_HINT,
		});
	}
	return folderId;
}

async function pollEvent(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = context.getNodeParameter('event', 'newFile') as FileEvent | 'remoteUploadChanged';
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const timeout = Math.max(1, Number(options.timeout ?? DEFAULT_TIMEOUT)) || DEFAULT_TIMEOUT;
	if (event === 'remoteUploadChanged') {
		return await pollRemoteUploads(context, {
			ids: parseIds(context.getNodeParameter('remoteUploadIds', '')),
			statuses: (context.getNodeParameter('statuses', []) as string[]).map((status) => status.toLowerCase()),
			timeout,
		});
	}
	const filters = readFileFilters(context.getNodeParameter('filters', {}) as IDataObject, {
		labels: FILTER_LABELS,
		workflowTimeZone: context.getTimezone(),
		fail: (message, description) => new NodeOperationError(context.getNode(), message, { description }),
	});
	// One session for the poll: the path's resolution and the listing read the credential once.
	const session = await standaloneSession(context, timeout);
	return await pollFiles(context, session, event, {
		folderId: await watchedFolder(context, session),
		includeSubfolders: context.getNodeParameter('includeSubfolders', false) as boolean,
		timeout,
		filters: hasFileFilters(filters) ? filters : undefined,
	});
}

/**
 * The trigger's poll(): one event's listing and comparison, never two at once for the same node. n8n starts the next
 * poll on schedule even when the previous one has not finished (a slow listing of a huge folder): both would read the
 * same state and emit the same files, so an overlapping poll steps aside (runningPolls, processState.ts) and leaves
 * the work to the running one.
 */
export async function pollHighload(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await pollEvent(this);
	const key = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (runningPolls.has(key)) return null;
	runningPolls.add(key);
	try {
		return await pollEvent(this);
	} finally {
		runningPolls.delete(key);
	}
}
