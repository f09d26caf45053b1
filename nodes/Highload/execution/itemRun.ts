import type { IBinaryKeyData, IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import type { ResolvedFolder } from '../listing/folderPaths';
import type { ReadContext } from '../output/results';
import type { HighloadSession } from '../transport/session';

/** What an operation's steps get for one item: its session, its checked query, and n8n's context. */
export interface ItemRun extends ReadContext {
	/** The operation's API path, e.g. `file/getsplash`. */
	endpoint: string;
	session: HighloadSession;
	context: IExecutePaginationFunctions;
	/** `kind "id"` of the object the item's request is about, when it names one (a 404 names it). */
	subject?: string;
	/** Folders given By Path, as resolved before sending, by the query parameter they were sent as. */
	folders: Record<string, ResolvedFolder>;
}

/** One output item of an operation, before n8n's pairing: a record, and a binary where the operation makes one. */
export interface OperationOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** Records as output items. */
export const asOutput = (records: IDataObject[]): OperationOutput[] => records.map((json) => ({ json }));
